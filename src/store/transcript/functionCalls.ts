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

const MAX_UNSTARTED = 16;

function upsert(state: TranscriptState, id: string | undefined, name: string | undefined, now: number): [TranscriptState, FunctionCallTurn] {
  const found = findCall(state, id, name);
  if (found) return [state, found];
  const turn = functionCallTurn(state, name ?? null, now);
  const unstartedCalls = [...(state.unstartedCalls ?? []), turn.id].slice(-MAX_UNSTARTED);
  return [{ ...insertTurn(state, turn), openUserId: null, unstartedCalls }, turn];
}

const sameName = (t: FunctionCallTurn, name: string | undefined): boolean => name === undefined || t.functionName === null || t.functionName === name;

/**
 * `started` names the function and, in RTVI 2.1, no tool call id. It belongs to the call
 * with its id if it has one; else to the newest open call of the same function (its
 * in-progress came first); else to a call of that function opened without a `started`
 * (in-progress and stopped both came first). Only when none fits does a call begin.
 */
function onStarted(state: TranscriptState, id: string | undefined, name: string | undefined, now: number): TranscriptState {
  const unstarted = state.unstartedCalls ?? [];
  let joined: FunctionCallTurn | undefined;
  for (let i = state.turns.length - 1; i >= 0 && !joined; i--) {
    const t = state.turns[i];
    if (t?.role !== "function_call") continue;
    if (id !== undefined ? t.toolCallId === id : !t.final && sameName(t, name)) joined = t;
  }
  for (let i = unstarted.length - 1; i >= 0 && !joined; i--) {
    const t = state.turns.find((x) => x.id === unstarted[i]);
    if (t?.role === "function_call" && (id === undefined || t.toolCallId === null || t.toolCallId === id) && sameName(t, name)) joined = t;
  }
  if (joined) {
    const rest = unstarted.filter((x) => x !== joined.id);
    const s = rest.length === unstarted.length ? state : { ...state, unstartedCalls: rest };
    if (joined.final || (joined.functionName !== null && joined.toolCallId !== null) || (name === undefined && id === undefined)) return s;
    return replaceTurn(s, { ...joined, functionName: joined.functionName ?? name ?? null, toolCallId: joined.toolCallId ?? id ?? null });
  }
  const turn = { ...functionCallTurn(state, name ?? null, now), toolCallId: id ?? null };
  return { ...insertTurn(state, turn), openUserId: null };
}

/**
 * `llm-function-call-started`, `-in-progress`, `-stopped` and the deprecated
 * `llm-function-call`, in any order. Rules: data must be an object; names and ids are read
 * when they are strings (or numeric ids) and ignored otherwise; one turn per tool call; a
 * finished call never reopens.
 */
export function onFunctionCall(state: TranscriptState, type: string, data: Fields | undefined, now: number): TranscriptState {
  if (!data) return state;
  const name = str(data, "function_name");
  const id = idOf(data, "tool_call_id");
  if (type === "llm-function-call-started") return onStarted(state, id, name, now);
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
