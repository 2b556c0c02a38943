import { asFields, idOf, str, type Fields } from "./read";
import type { FunctionCallTurn, TranscriptState } from "./types";
import { functionCallTurn, insertTurn, replaceTurn } from "./turns";

// The newest call that matches by tool_call_id, else the newest unfinished call that has
// no id yet and the same (or no) function name: `started` carries no id in RTVI 2.1.
function findCall(state: TranscriptState, id: string | undefined, name: string | undefined): FunctionCallTurn | undefined {
  for (let i = state.turns.length - 1; i >= 0; i--) {
    const t = state.turns[i];
    if (t?.role !== "function_call") continue;
    if (id !== undefined && t.toolCallId === id) return t;
  }
  for (let i = state.turns.length - 1; i >= 0; i--) {
    const t = state.turns[i];
    if (t?.role !== "function_call" || t.final || t.toolCallId !== null) continue;
    if (name === undefined || t.functionName === null || t.functionName === name) return t;
  }
  return undefined;
}

function upsert(state: TranscriptState, id: string | undefined, name: string | undefined, now: number): [TranscriptState, FunctionCallTurn] {
  const found = findCall(state, id, name);
  if (found) return [state, found];
  const turn = functionCallTurn(state, name ?? null, now);
  return [{ ...insertTurn(state, turn), openUserId: null }, turn];
}

/**
 * `llm-function-call-started`, `-in-progress`, `-stopped` and the deprecated
 * `llm-function-call`. Rules: data must be an object; names and ids are read when they
 * are strings (or numeric ids) and ignored otherwise; a finished call never reopens.
 */
export function onFunctionCall(state: TranscriptState, type: string, data: Fields | undefined, now: number): TranscriptState {
  if (!data) return state;
  const name = str(data, "function_name");
  const id = idOf(data, "tool_call_id");
  if (type === "llm-function-call-started") {
    const turn = functionCallTurn(state, name ?? null, now);
    return { ...insertTurn(state, turn), openUserId: null };
  }
  const [s, turn] = upsert(state, id, name, now);
  if (turn.final) return s;
  if (type === "llm-function-call-stopped") {
    const cancelled = data["cancelled"] === true;
    return replaceTurn(s, {
      ...turn,
      toolCallId: id ?? turn.toolCallId,
      functionName: name ?? turn.functionName,
      result: data["result"],
      cancelled,
      status: cancelled ? "cancelled" : "completed",
      final: true,
      endedAt: now,
    });
  }
  const args = type === "llm-function-call" ? data["args"] : data["arguments"];
  return replaceTurn(s, {
    ...turn,
    toolCallId: id ?? turn.toolCallId,
    functionName: name ?? turn.functionName,
    args: asFields(args) ?? args ?? turn.args,
    status: "in-progress",
  });
}
