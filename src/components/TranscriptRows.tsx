import { memo, type ReactNode } from "react";
import type { Turn } from "../store/transcript/types";
import { TranscriptTurn, type TranscriptMode } from "./TranscriptTurn";

interface RowsProps {
  readonly turns: readonly Turn[];
  readonly from: number;
  readonly to: number;
  readonly mode: TranscriptMode;
  readonly userLabel: string;
  readonly botLabel: string;
}

// Rows are grouped in chunks at fixed absolute indices, so appending a token re-renders one
// chunk: the cost per token stays flat however many turns are on screen.
const CHUNK = 25;

function sameRows(a: RowsProps, b: RowsProps): boolean {
  if (a.from !== b.from || a.to !== b.to || a.mode !== b.mode || a.userLabel !== b.userLabel || a.botLabel !== b.botLabel) return false;
  for (let i = a.from; i < a.to; i++) if (a.turns[i] !== b.turns[i]) return false;
  return true;
}

const Chunk = memo(function Chunk({ turns, from, to, mode, userLabel, botLabel }: RowsProps): ReactNode {
  const rows: ReactNode[] = [];
  for (let i = from; i < to; i++) {
    const turn = turns[i] as Turn;
    rows.push(<TranscriptTurn key={turn.id} turn={turn} mode={mode} userLabel={userLabel} botLabel={botLabel} />);
  }
  return rows;
}, sameRows);

/** The rendered turns `turns[first..]`, as memoised chunks of memoised rows. */
export function TranscriptRows(props: Omit<RowsProps, "from" | "to"> & { readonly first: number }): ReactNode {
  const { turns, first, ...rest } = props;
  const chunks: ReactNode[] = [];
  for (let from = first; from < turns.length; ) {
    const to = Math.min(turns.length, (Math.floor(from / CHUNK) + 1) * CHUNK);
    chunks.push(<Chunk key={Math.floor(from / CHUNK)} turns={turns} from={from} to={to} {...rest} />);
    from = to;
  }
  return chunks;
}
