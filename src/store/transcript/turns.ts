import type { FunctionCallTurn, SpeechTurn, SystemTurn, TranscriptState, Turn } from "./types";

// Live turns sit at the end of the list, so searching backwards finds them in O(1) in practice.
export function indexOfTurn(turns: readonly Turn[], id: string): number {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i]?.id === id) return i;
  return -1;
}

export function findTurn(turns: readonly Turn[], id: string | null): Turn | undefined {
  if (id === null) return undefined;
  const i = indexOfTurn(turns, id);
  return i < 0 ? undefined : turns[i];
}

/** Replaces one turn; every other turn keeps its identity so memoized rows do not re-render. */
export function replaceTurn(state: TranscriptState, next: Turn): TranscriptState {
  const i = indexOfTurn(state.turns, next.id);
  if (i < 0) return state;
  const turns = state.turns.slice();
  turns[i] = next;
  return { ...state, turns };
}

export function insertTurn(state: TranscriptState, turn: Turn, at: number = state.turns.length): TranscriptState {
  const turns = state.turns.slice();
  turns.splice(at, 0, turn);
  return trimHistory({ ...state, turns, nextId: state.nextId + 1 });
}

export function newId(state: TranscriptState): string {
  return `t${state.nextId}`;
}

export function speechTurn(
  state: TranscriptState,
  role: SpeechTurn["role"],
  now: number,
  source: SpeechTurn["source"],
): SpeechTurn {
  return {
    id: newId(state),
    role,
    text: "",
    pendingText: "",
    unspokenText: "",
    final: false,
    interrupted: false,
    startedAt: now,
    endedAt: null,
    source,
  };
}

export function systemTurn(state: TranscriptState, text: string, fatal: boolean, now: number): SystemTurn {
  return { id: newId(state), role: "system", kind: "error", text, fatal, final: true, startedAt: now, endedAt: now };
}

export function functionCallTurn(state: TranscriptState, name: string | null, now: number): FunctionCallTurn {
  return {
    id: newId(state),
    role: "function_call",
    functionName: name,
    toolCallId: null,
    args: undefined,
    result: undefined,
    cancelled: false,
    status: "started",
    final: false,
    startedAt: now,
    endedAt: null,
  };
}

// History is bounded only when the app asks (maxTurns). Turns still being built are kept.
export function trimHistory(state: TranscriptState): TranscriptState {
  const max = state.maxTurns;
  if (max === null || state.turns.length <= max) return state;
  let excess = state.turns.length - max;
  const turns = state.turns.filter((t) => {
    if (excess > 0 && t.final) {
      excess--;
      return false;
    }
    return true;
  });
  return { ...state, turns };
}
