import { useCallback, type HTMLAttributes, type ReactNode } from "react";
import { useConversation } from "../hooks/useConversation";
import { cx, flag, VISUALLY_HIDDEN } from "./dom";
import { TranscriptRows } from "./TranscriptRows";
import type { TranscriptMode } from "./TranscriptTurn";
import { useFinalTurnAnnouncer } from "./useFinalTurnAnnouncer";
import { useTranscriptScroll } from "./useTranscriptScroll";

/** Props of {@link TranscriptPanel}; other `<div>` props go to its root. */
export interface TranscriptPanelProps extends HTMLAttributes<HTMLDivElement> {
  /** The user's speaker label. Default "You". */
  userLabel?: string;
  /** The bot's speaker label. Default "Bot". */
  botLabel?: string;
  /**
   * `karaoke` (default): the bot's generated-but-unspoken tail shows, styled apart
   * (`data-slot="pending"`); `spoken`: only spoken text; `full`: karaoke plus what an
   * interrupted bot never said, struck through.
   */
  mode?: TranscriptMode;
  /** How many of the latest turns to render; earlier ones wait behind "Show earlier". Default 200; `Infinity` renders all. */
  windowSize?: number;
  /** The log's accessible name. Default "Conversation". */
  label?: string;
  /** Shown when there are no turns yet. */
  placeholder?: ReactNode;
}

// Behaviour, not looks: the panel must scroll inside whatever height it is given.
const ROOT_STYLE = { display: "flex", flexDirection: "column", minHeight: 0 } as const;
const VIEWPORT_STYLE = { flex: "1 1 auto", minHeight: 0, overflowY: "auto" } as const;

/**
 * The conversation as a log: user and bot turns with speaker labels, the bot's unspoken
 * tail styled apart, interruptions marked, tool calls folded into `<details>`, errors as
 * system lines. Screen readers hear each finished turn once, through a separate polite
 * live region; the visible log is `aria-live="off"` so streaming tokens stay quiet. It
 * follows new turns while the reader is at the bottom and keeps their place when they
 * scroll up, with a "Jump to latest" button.
 */
export function TranscriptPanel(props: TranscriptPanelProps): ReactNode {
  const { userLabel = "You", botLabel = "Bot", mode = "karaoke", windowSize = 200, label = "Conversation", placeholder, className, style, ...rest } = props;
  const { turns } = useConversation();
  const { viewportRef, pinned, first, onScroll, jumpToLatest, showEarlier } = useTranscriptScroll(turns, windowSize);
  const announcement = useFinalTurnAnnouncer(turns, userLabel, botLabel);

  const jump = useCallback(() => {
    jumpToLatest();
    // The button disappears once pinned: keep focus on the log, not on <body>.
    viewportRef.current?.focus();
  }, [jumpToLatest, viewportRef]);

  return (
    <div {...rest} className={cx("rtvi-transcript", className)} style={{ ...ROOT_STYLE, ...style }} data-rtvi-transcript="" data-mode={mode} data-pinned={flag(pinned)} data-empty={flag(turns.length === 0)}>
      <div ref={viewportRef} role="log" aria-live="off" aria-label={label} tabIndex={0} data-slot="viewport" style={VIEWPORT_STYLE} onScroll={onScroll}>
        {first > 0 && (
          <button type="button" data-slot="show-earlier" onClick={showEarlier}>
            Show earlier ({first} more)
          </button>
        )}
        {turns.length === 0 && placeholder !== undefined && <div data-slot="placeholder">{placeholder}</div>}
        <ol data-slot="turns">
          <TranscriptRows turns={turns} first={first} mode={mode} userLabel={userLabel} botLabel={botLabel} />
        </ol>
      </div>
      {!pinned && (
        <button type="button" data-slot="jump" onClick={jump}>
          Jump to latest
        </button>
      )}
      <div aria-live="polite" aria-atomic="false" data-slot="announcer" style={VISUALLY_HIDDEN}>
        {announcement && <p key={announcement.key}>{announcement.text}</p>}
      </div>
    </div>
  );
}
