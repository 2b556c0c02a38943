import { forwardRef, useCallback, type HTMLAttributes, type ReactNode } from "react";
import { useConversation } from "../hooks/useConversation";
import { cx, flag, VISUALLY_HIDDEN } from "./dom";
import { TranscriptRows, type RenderTurn } from "./TranscriptRows";
import { useTranscriptLabels, type TranscriptLabels } from "./transcriptLabels";
import type { TranscriptMode } from "./TranscriptTurn";
import { useFinalTurnAnnouncer } from "./useFinalTurnAnnouncer";
import { useTranscriptScroll } from "./useTranscriptScroll";

/** Props of {@link TranscriptPanel}; other `<div>` props go to its root. */
export interface TranscriptPanelProps extends HTMLAttributes<HTMLDivElement> {
  /** Every string of the panel and its rows, partial: keys left out keep the English defaults. */
  labels?: Partial<TranscriptLabels>;
  /**
   * Renders each turn yourself (return an `<li>`, or `context.defaultRow` to keep the kit's
   * row). The live region, pinning and windowing stay the panel's. Keep it stable
   * (`useCallback` or module level): rows are memoised on it.
   */
  renderTurn?: RenderTurn;
  /** @deprecated Use `labels.user`; removed in the next minor version. */
  userLabel?: string;
  /** @deprecated Use `labels.bot`; removed in the next minor version. */
  botLabel?: string;
  /**
   * `karaoke` (default): the bot's generated-but-unspoken tail shows, styled apart
   * (`data-slot="pending"`); `spoken`: only spoken text; `full`: karaoke plus what an
   * interrupted bot never said, struck through.
   */
  mode?: TranscriptMode;
  /** How many of the latest turns to render; earlier ones wait behind "Show earlier". Default 200; `Infinity` renders all. */
  windowSize?: number;
  /** @deprecated Use `labels.log`; removed in the next minor version. */
  label?: string;
  /** Shown when there are no turns yet (a node; `labels.placeholder` for text). */
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
export const TranscriptPanel = /* @__PURE__ */ forwardRef<HTMLDivElement, TranscriptPanelProps>(function TranscriptPanel(props, ref) {
  const { labels: given, renderTurn, userLabel, botLabel, mode = "karaoke", windowSize = 200, label, placeholder, className, style, ...rest } = props;
  const labels = useTranscriptLabels(given, { user: userLabel, bot: botLabel, log: label });
  const { turns } = useConversation();
  const { viewportRef, pinned, first, onScroll, jumpToLatest, showEarlier } = useTranscriptScroll(turns, windowSize);
  const announcement = useFinalTurnAnnouncer(turns, labels);
  const shownPlaceholder = placeholder ?? (labels.placeholder || undefined);

  const jump = useCallback(() => {
    jumpToLatest();
    // The button disappears once pinned: keep focus on the log, not on <body>.
    viewportRef.current?.focus();
  }, [jumpToLatest, viewportRef]);

  return (
    <div {...rest} ref={ref} className={cx("rtvi-transcript", className)} style={{ ...ROOT_STYLE, ...style }} data-rtvi-transcript="" data-mode={mode} data-pinned={flag(pinned)} data-empty={flag(turns.length === 0)}>
      <div ref={viewportRef} role="log" aria-live="off" aria-label={labels.log} tabIndex={0} data-slot="viewport" style={VIEWPORT_STYLE} onScroll={onScroll}>
        {first > 0 && (
          <button type="button" data-slot="show-earlier" onClick={showEarlier}>
            {labels.showEarlier(first)}
          </button>
        )}
        {turns.length === 0 && shownPlaceholder !== undefined && <div data-slot="placeholder">{shownPlaceholder}</div>}
        <ol data-slot="turns">
          <TranscriptRows turns={turns} first={first} mode={mode} labels={labels} renderTurn={renderTurn} />
        </ol>
      </div>
      {!pinned && (
        <button type="button" data-slot="jump" onClick={jump}>
          {labels.jumpToLatest}
        </button>
      )}
      <div aria-live="polite" aria-atomic="false" data-slot="announcer" style={VISUALLY_HIDDEN}>
        {announcement && <p key={announcement.key}>{announcement.text}</p>}
      </div>
    </div>
  );
});
