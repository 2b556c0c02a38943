import { forwardRef, type HTMLAttributes } from "react";
import { useSessionState } from "../hooks/useSessionState";
import type { SessionState } from "../store/sessionState";
import type { SpeechTurn } from "../store/transcript/types";
import { cx, flag, withDefaults } from "./dom";

/** Who is speaking, as {@link CaptionsOverlay} names them; each falls back to English. */
export interface CaptionsOverlayLabels {
  /** Default "You". */
  user?: string;
  /** Default "Bot". */
  bot?: string;
}

/** Props of {@link CaptionsOverlay}; other `<div>` props (and the ref) go to its root. */
export interface CaptionsOverlayProps extends HTMLAttributes<HTMLDivElement> {
  labels?: CaptionsOverlayLabels;
  /** @deprecated Use `labels.user`. */
  userLabel?: string;
  /** @deprecated Use `labels.bot`. */
  botLabel?: string;
  /** Show the bot's generated-but-unspoken words (`data-slot="pending"`). Default false: captions show what is heard. */
  showPending?: boolean;
  /** Keep only the last this many characters, so a long answer stays one or two lines. Default 140. */
  maxChars?: number;
}

// The live line is near the end: a function call or error may follow it, never many.
const LOOK_BACK = 8;

function liveTurn(s: SessionState): SpeechTurn | null {
  const turns = s.transcript.turns;
  for (let i = turns.length - 1; i >= Math.max(0, turns.length - LOOK_BACK); i--) {
    const t = turns[i];
    if (t && (t.role === "user" || t.role === "assistant") && !t.final) return t;
  }
  return null;
}

function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(text.length - max);
  const space = cut.indexOf(" ");
  return `…${space > 0 && space < 20 ? cut.slice(space + 1) : cut}`;
}

/**
 * The line being said right now, and by whom, for video-call style captions. Empty between
 * turns. `aria-live="off"`: a screen reader hears turns from the transcript, once.
 */
export const CaptionsOverlay = /* @__PURE__ */ forwardRef<HTMLDivElement, CaptionsOverlayProps>(function CaptionsOverlay(props, ref) {
  const { labels, userLabel, botLabel, showPending = false, maxChars = 140, className, ...rest } = props;
  const names = withDefaults({ user: "You", bot: "Bot" }, { user: labels?.user ?? userLabel, bot: labels?.bot ?? botLabel });
  // The selector returns a stored turn: this re-renders only when the live turn changes.
  const turn = useSessionState(liveTurn, "CaptionsOverlay");
  const bot = turn?.role === "assistant";
  const spoken = turn?.text ?? "";
  // The user's interim words are what they are saying; the bot's pending words are not said yet.
  const pending = turn && (!bot || showPending) ? turn.pendingText : "";
  const room = Math.max(0, maxChars - pending.length);
  return (
    <div {...rest} ref={ref} className={cx("rtvi-captions", className)} aria-live="off" data-rtvi-captions="" data-state={turn ? "speaking" : "idle"} data-role={turn?.role} data-empty={flag(!turn)}>
      {turn && (
        <>
          <span data-slot="speaker">{bot ? names.bot : names.user}</span>{" "}
          <span data-slot="text">{tail(spoken, room)}</span>
          {pending && (
            <>
              {spoken && " "}
              <span data-slot="pending">{tail(pending, maxChars)}</span>
            </>
          )}
        </>
      )}
    </div>
  );
});
