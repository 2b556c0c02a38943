import { memo, type ReactNode } from "react";
import type { FunctionCallTurn, SearchSource, SpeechTurn, SystemTurn, Turn } from "../store/transcript/types";
import { flag, VISUALLY_HIDDEN } from "./dom";
import { DEFAULT_TRANSCRIPT_LABELS, type TranscriptLabels } from "./transcriptLabels";

/** How much of the bot's text a transcript shows. */
export type TranscriptMode = "spoken" | "karaoke" | "full";

/** Which side of the conversation a turn is on: the kit's one word for the two parties. */
export type TranscriptSide = "user" | "bot";

/** The side of a speech turn; tool calls and system lines belong to neither. */
export const sideOf = (turn: Turn): TranscriptSide | null => (turn.role === "assistant" ? "bot" : turn.role === "user" ? "user" : null);

/** Props of {@link TranscriptTurn}. */
export interface TranscriptTurnProps {
  readonly turn: Turn;
  /** `spoken`: only what was said; `karaoke`: plus the unspoken tail, styled apart; `full`: plus what an interrupted bot never said. */
  readonly mode: TranscriptMode;
  /** The row's words; default English. */
  readonly labels?: TranscriptLabels;
}

type RowProps<T extends Turn> = { readonly turn: T; readonly mode: TranscriptMode; readonly t: TranscriptLabels };

/** Compact, never-throwing JSON for tool arguments and results (they can be anything). */
export function formatValue(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function Speech({ turn, mode, t }: RowProps<SpeechTurn>): ReactNode {
  const bot = turn.role === "assistant";
  // A user's interim transcript is what they are saying, so every mode shows it.
  const pending = turn.pendingText && (!bot || mode !== "spoken") ? turn.pendingText : "";
  const unspoken = bot && turn.interrupted && mode === "full" ? turn.unspokenText : "";
  return (
    <li
      className="rtvi-turn"
      data-slot="turn"
      data-role={turn.role}
      data-side={bot ? "bot" : "user"}
      data-source={turn.source}
      data-final={flag(turn.final)}
      data-live={flag(!turn.final)}
      data-interrupted={flag(turn.interrupted)}
    >
      <span data-slot="speaker">{bot ? t.bot : t.user}</span>{" "}
      <span data-slot="text">{turn.text}</span>
      {pending && (
        <>
          {turn.text && " "}
          <span data-slot="pending">{pending}</span>
        </>
      )}
      {unspoken && (
        <>
          {" "}
          <s data-slot="unspoken">
            <span style={VISUALLY_HIDDEN}>{t.notSpoken} </span>
            {unspoken}
          </s>
        </>
      )}
      {turn.interrupted && <span style={VISUALLY_HIDDEN}> {t.interrupted}</span>}
      {bot && turn.search && turn.search.sources.length > 0 && <Sources sources={turn.search.sources} label={t.sources} />}
    </li>
  );
}

// Search grounding as plain links: titles are text, addresses were checked to be http(s).
function Sources({ sources, label }: { sources: readonly SearchSource[]; label: string }): ReactNode {
  return (
    <ul data-slot="sources" aria-label={label}>
      {sources.map((s) => (
        <li key={s.uri} data-slot="source">
          <a href={s.uri} target="_blank" rel="noopener noreferrer nofollow">
            {s.title ?? new URL(s.uri).host}
          </a>
        </li>
      ))}
    </ul>
  );
}

function FunctionCall({ turn, t }: RowProps<FunctionCallTurn>): ReactNode {
  const name = turn.functionName ?? t.unnamedFunction;
  const args = formatValue(turn.args);
  const result = formatValue(turn.result);
  return (
    <li className="rtvi-turn" data-slot="turn" data-role="function_call" data-status={turn.status} data-final={flag(turn.final)}>
      <details>
        <summary>
          <span data-slot="speaker">{t.functionCall}</span> <code data-slot="function-name">{name}</code>{" "}
          <span data-slot="status">{t.functionStatus(turn.status)}</span>
        </summary>
        {args && (
          <p>
            {t.arguments} <code data-slot="args">{args}</code>
          </p>
        )}
        {result && (
          <p>
            {t.result} <code data-slot="result">{result}</code>
          </p>
        )}
      </details>
    </li>
  );
}

function System({ turn, t }: RowProps<SystemTurn>): ReactNode {
  return (
    <li className="rtvi-turn" data-slot="turn" data-role="system" data-kind={turn.kind} data-fatal={flag(turn.fatal)} data-final="">
      <span data-slot="speaker">{turn.kind === "error" ? t.error : t.notice}</span> <span data-slot="text">{turn.text}</span>
    </li>
  );
}

/**
 * One row of the transcript. Memoised: turns keep their identity until they change, so
 * while the bot streams only the live row re-renders, however long the history is.
 */
export const TranscriptTurn = /* @__PURE__ */ memo(function TranscriptTurn(props: TranscriptTurnProps): ReactNode {
  const { turn, mode, labels: t = DEFAULT_TRANSCRIPT_LABELS } = props;
  if (turn.role === "function_call") return <FunctionCall turn={turn} mode={mode} t={t} />;
  if (turn.role === "system") return <System turn={turn} mode={mode} t={t} />;
  return <Speech turn={turn} mode={mode} t={t} />;
});
