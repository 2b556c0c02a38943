import type { RTVIMessage } from "@pipecat-ai/client-js";

// Message types whose `data` client-js 1.13 dereferences without a check.
const NEEDS_DATA = new Set(["bot-ready", "llm-function-call", "llm-function-call-in-progress"]);

/**
 * Malformed input must never take a session down. client-js disconnects on any truthy
 * `fatal` (so `"fatal": "maybe"` would end the call) and reads fields of `bot-ready` and
 * function-call messages without checking that `data` exists (a missing `data` throws
 * inside the transport). The kit hands client-js a corrected copy of exactly those
 * shapes; every other message passes unchanged.
 */
export function sanitizeForClient(ev: RTVIMessage): RTVIMessage {
  const m = ev as unknown as { type?: unknown; data?: unknown };
  const data = typeof m.data === "object" && m.data !== null && !Array.isArray(m.data) ? (m.data as Record<string, unknown>) : undefined;
  if ((m.type === "error" || m.type === "error-response") && data && "fatal" in data && typeof data.fatal !== "boolean")
    return { ...ev, data: { ...data, fatal: false } } as RTVIMessage;
  if (typeof m.type === "string" && NEEDS_DATA.has(m.type)) {
    if (!data) return { ...ev, data: {} } as RTVIMessage;
    if (m.type === "bot-ready" && data.version !== undefined && typeof data.version !== "string") return { ...ev, data: { ...data, version: "0.0.0" } } as RTVIMessage;
  }
  return ev;
}
