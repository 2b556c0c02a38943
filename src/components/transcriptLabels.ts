import { useRef } from "react";
import type { FunctionCallTurn } from "../store/transcript/types";
import { withDefaults } from "./dom";

/** Every string of a transcript (panel, rows, live region). Leave a key out to keep its English default. */
export interface TranscriptLabels {
  /** The user's speaker name. Default "You". */
  readonly user: string;
  /** The bot's speaker name. Default "Bot". */
  readonly bot: string;
  /** The log's accessible name. Default "Conversation". */
  readonly log: string;
  /** Shown when there are no turns yet (the `placeholder` prop wins). Default: nothing. */
  readonly placeholder: string;
  /** The button back to the newest turn. */
  readonly jumpToLatest: string;
  /** The button that renders the turns before the window, given how many there are. */
  readonly showEarlier: (hidden: number) => string;
  /** Said (visually hidden, and in the live region) after an interrupted turn. */
  readonly interrupted: string;
  /** Said before the struck-through text an interrupted bot never spoke (`mode="full"`). */
  readonly notSpoken: string;
  /** The accessible name of a grounded answer's list of sources. */
  readonly sources: string;
  /** The speaker of a tool call row. */
  readonly functionCall: string;
  /** The name shown when a tool call has none. */
  readonly unnamedFunction: string;
  /** A tool call's status, per status. */
  readonly functionStatus: (status: FunctionCallTurn["status"]) => string;
  readonly arguments: string;
  readonly result: string;
  /** The speaker of an error line. */
  readonly error: string;
  /** The speaker of a notice line. */
  readonly notice: string;
}

const STATUS: Record<FunctionCallTurn["status"], string> = { started: "started", "in-progress": "in progress", completed: "done", cancelled: "cancelled" };

export const DEFAULT_TRANSCRIPT_LABELS: TranscriptLabels = {
  user: "You",
  bot: "Bot",
  log: "Conversation",
  placeholder: "",
  jumpToLatest: "Jump to latest",
  showEarlier: (hidden) => `Show earlier (${hidden} more)`,
  interrupted: "(interrupted)",
  notSpoken: "(not spoken)",
  sources: "Sources",
  functionCall: "Function call",
  unnamedFunction: "function",
  functionStatus: (status) => STATUS[status],
  arguments: "Arguments:",
  result: "Result:",
  error: "Error",
  notice: "Notice",
};

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a) as Array<keyof typeof a>;
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/**
 * The labels over their defaults, keeping the same object while the values are the same:
 * rows are memoised on it, so an inline `labels={{ user: "Ada" }}` must not re-render the
 * whole history on every token. (Inline label functions still change each render; hoist them.)
 */
export function useTranscriptLabels(given: Partial<TranscriptLabels> | undefined, legacy: Partial<TranscriptLabels>): TranscriptLabels {
  const next = withDefaults(withDefaults(DEFAULT_TRANSCRIPT_LABELS, given), legacy);
  const kept = useRef(next);
  if (!shallowEqual(kept.current, next)) kept.current = next;
  return kept.current;
}
