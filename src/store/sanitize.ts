import type { RTVIMessage } from "@pipecat-ai/client-js";

/**
 * Malformed input must never take a session down. client-js disconnects on any truthy
 * `fatal` (so `"fatal": "maybe"` would end the call) and reads `bot-ready`'s
 * `data.version` without a check (a missing `data` throws inside the transport). The kit
 * hands client-js a corrected copy of exactly those two shapes; every other message
 * passes unchanged.
 */
export function sanitizeForClient(ev: RTVIMessage): RTVIMessage {
  const m = ev as unknown as { type?: unknown; data?: unknown };
  const data = typeof m.data === "object" && m.data !== null ? (m.data as Record<string, unknown>) : undefined;
  if ((m.type === "error" || m.type === "error-response") && data && "fatal" in data && typeof data.fatal !== "boolean")
    return { ...ev, data: { ...data, fatal: false } } as RTVIMessage;
  if (m.type === "bot-ready" && (!data || (data.version !== undefined && typeof data.version !== "string")))
    return { ...ev, data: { ...(data ?? {}), version: typeof data?.version === "string" ? data.version : "0.0.0" } } as RTVIMessage;
  return ev;
}
