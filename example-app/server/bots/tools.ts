import type { FunctionCall, FunctionDeclaration, FunctionResponse } from "../gemini/protocol.js";
import { rtvi, type RtviMessage } from "../rtvi.js";

/** A demo function tool: its declaration for the model, and how the server runs it. */
interface DemoTool {
  declaration: FunctionDeclaration;
  run(args: Record<string, unknown>, signal: AbortSignal): Promise<Record<string, unknown>>;
}

/** How long the slow tool takes: long enough to talk over it and see it cancelled. */
export const SLOW_TOOL_MS = 4000;

const TOOLS: DemoTool[] = [
  {
    declaration: {
      name: "get_current_time",
      description: "The current date and time on the server, with its time zone.",
      parameters: { type: "object", properties: {} },
      behavior: "BLOCKING",
    },
    run: () => Promise.resolve({ result: new Date().toISOString(), time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone }),
  },
  {
    declaration: {
      name: "roll_dice",
      description: "Roll one die with the given number of sides (default 6).",
      parameters: { type: "object", properties: { sides: { type: "integer", description: "number of sides, 2 to 100" } } },
      behavior: "BLOCKING",
    },
    run: (args) => {
      const sides = Math.min(100, Math.max(2, Math.round(Number(args.sides) || 6)));
      return Promise.resolve({ result: 1 + Math.floor(Math.random() * sides), sides });
    },
  },
  {
    declaration: {
      name: "slow_lookup",
      description: `Look something up in a slow archive (takes about ${SLOW_TOOL_MS / 1000} seconds; the user may interrupt).`,
      parameters: { type: "object", properties: { topic: { type: "string" } } },
      behavior: "BLOCKING",
    },
    run: (args, signal) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => resolve({ result: `archive entry on ${String(args.topic ?? "everything")}` }), SLOW_TOOL_MS);
        signal.addEventListener("abort", () => (clearTimeout(t), reject(new Error("cancelled"))), { once: true });
      }),
  },
];

export const demoToolDeclarations: FunctionDeclaration[] = TOOLS.map((t) => t.declaration);

/**
 * Runs the model's function calls for one call and tells the browser about each one the way a
 * Pipecat bot does: llm-function-call-started, -in-progress, then -stopped with the result (or
 * cancelled when the model sends toolCallCancellation).
 */
export class FunctionCallRunner {
  private readonly running = new Map<string, { name: string; abort: AbortController }>();

  constructor(
    private readonly emit: (m: RtviMessage) => void,
    private readonly respond: (r: FunctionResponse[]) => void,
  ) {}

  get pending(): number {
    return this.running.size;
  }

  onToolCall(calls: FunctionCall[]): void {
    for (const call of calls) void this.run(call);
  }

  private async run(call: FunctionCall): Promise<void> {
    const args = call.args ?? {};
    const tool = TOOLS.find((t) => t.declaration.name === call.name);
    const abort = new AbortController();
    this.running.set(call.id, { name: call.name, abort });
    this.emit(rtvi("llm-function-call-started", { function_name: call.name }));
    this.emit(rtvi("llm-function-call-in-progress", { function_name: call.name, tool_call_id: call.id, arguments: args }));
    let response: Record<string, unknown>;
    try {
      response = tool ? await tool.run(args, abort.signal) : { error: `unknown function ${call.name}` };
    } catch (e) {
      if (abort.signal.aborted) return; // cancelled: stopped was sent by cancel()
      response = { error: e instanceof Error ? e.message : String(e) };
    }
    if (!this.running.delete(call.id)) return;
    this.respond([{ id: call.id, name: call.name, response }]);
    this.emit(rtvi("llm-function-call-stopped", { function_name: call.name, tool_call_id: call.id, cancelled: false, result: response }));
  }

  /** toolCallCancellation: the model no longer wants these answers (the user talked over them). */
  cancel(ids: string[]): void {
    for (const id of ids) {
      const r = this.running.get(id);
      if (!r) continue;
      this.running.delete(id);
      r.abort.abort();
      this.emit(rtvi("llm-function-call-stopped", { function_name: r.name, tool_call_id: id, cancelled: true }));
    }
  }

  close(): void {
    for (const r of this.running.values()) r.abort.abort();
    this.running.clear();
  }
}
