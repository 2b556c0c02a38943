import { memo, type ReactNode } from "react";
import type { Turn } from "../store/transcript/types";
import type { TranscriptLabels } from "./transcriptLabels";
import { sideOf, TranscriptTurn, type TranscriptMode, type TranscriptSide } from "./TranscriptTurn";

/** What {@link TranscriptPanelProps.renderTurn} receives beside the turn. */
export interface TranscriptTurnContext {
  readonly mode: TranscriptMode;
  readonly labels: TranscriptLabels;
  /** `user` or `bot` for speech, null for tool calls and system lines. */
  readonly side: TranscriptSide | null;
  /** The kit's own `<li>` for this turn: return it to keep the default for some turns. */
  readonly defaultRow: ReactNode;
}

/**
 * Renders one row of the log, which is an `<ol>`: return an `<li>`, `defaultRow` (or
 * undefined) for the kit's row, or null to hide the turn. Keep
 * the function stable (module level or `useCallback`): rows are memoised on it, so a new
 * function re-renders every row.
 */
export type RenderTurn = (turn: Turn, context: TranscriptTurnContext) => ReactNode;

interface RowsProps {
  readonly turns: readonly Turn[];
  readonly from: number;
  readonly to: number;
  readonly mode: TranscriptMode;
  readonly labels: TranscriptLabels;
  readonly renderTurn: RenderTurn | undefined;
}

// Rows are grouped in chunks of CHUNK at fixed absolute indices, and chunks in groups of
// GROUP chunks, so appending a token re-renders one group, one chunk and one row: a token
// into 5,000 turns creates about 60 elements instead of one per chunk. The depth is fixed,
// so no row remounts (losing an open <details> or a selection) as the history grows.
const CHUNK = 25;
const GROUP = CHUNK * 25;

function sameRows(a: RowsProps, b: RowsProps): boolean {
  if (a.from !== b.from || a.to !== b.to || a.mode !== b.mode || a.labels !== b.labels || a.renderTurn !== b.renderTurn) return false;
  if (a.turns === b.turns) return true;
  for (let i = a.from; i < a.to; i++) if (a.turns[i] !== b.turns[i]) return false;
  return true;
}

type RowProps = { readonly turn: Turn; readonly mode: TranscriptMode; readonly labels: TranscriptLabels; readonly renderTurn: RenderTurn };

// A custom row is memoised like the kit's own: only the turn that changed calls renderTurn.
const CustomRow = /* @__PURE__ */ memo(function CustomRow({ turn, mode, labels, renderTurn }: RowProps): ReactNode {
  const defaultRow = <TranscriptTurn turn={turn} mode={mode} labels={labels} />;
  const row = renderTurn(turn, { mode, labels, side: sideOf(turn), defaultRow });
  return row === undefined ? defaultRow : row;
});

const Chunk = /* @__PURE__ */ memo(function Chunk({ turns, from, to, mode, labels, renderTurn }: RowsProps): ReactNode {
  const rows: ReactNode[] = [];
  for (let i = from; i < to; i++) {
    const turn = turns[i] as Turn;
    rows.push(renderTurn ? <CustomRow key={turn.id} turn={turn} mode={mode} labels={labels} renderTurn={renderTurn} /> : <TranscriptTurn key={turn.id} turn={turn} mode={mode} labels={labels} />);
  }
  return rows;
}, sameRows);

/** `turns[from..to)` cut at multiples of `span`, each piece rendered by `Part` under a key of its absolute position. */
function split(props: RowsProps, span: number, Part: typeof Chunk): ReactNode[] {
  const { from: start, to: end } = props;
  const parts: ReactNode[] = [];
  for (let from = start; from < end; ) {
    const to = Math.min(end, (Math.floor(from / span) + 1) * span);
    parts.push(<Part key={Math.floor(from / span)} {...props} from={from} to={to} />);
    from = to;
  }
  return parts;
}

const Group = /* @__PURE__ */ memo(function Group(props: RowsProps): ReactNode {
  return split(props, CHUNK, Chunk);
}, sameRows);

/** The rendered turns `turns[first..]`, as memoised groups of memoised chunks of memoised rows. */
export function TranscriptRows(props: Omit<RowsProps, "from" | "to"> & { readonly first: number }): ReactNode {
  const { first, ...rest } = props;
  return split({ ...rest, from: first, to: rest.turns.length }, GROUP, Group);
}
