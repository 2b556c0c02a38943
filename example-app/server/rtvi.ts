/** RTVI 2.1 messages on the `chat` data channel, plus the small-webrtc transport's own traffic. */
export const RTVI_LABEL = "rtvi-ai";
export const RTVI_VERSION = "2.1.0";

export interface RtviMessage {
  label: typeof RTVI_LABEL;
  type: string;
  id?: string;
  data?: unknown;
}

export interface SignallingMessage {
  type: string;
  receiver_index?: number;
  enabled?: boolean;
}

export type Inbound =
  | { kind: "rtvi"; type: string; id: string | undefined; data: unknown }
  | { kind: "signalling"; message: SignallingMessage }
  | { kind: "ping" }
  | { kind: "invalid"; reason: string };

const MAX_MESSAGE = 64 * 1024;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Classify one data-channel message. Never throws: the peer is untrusted. */
export function parseInbound(raw: string | Buffer): Inbound {
  const text = typeof raw === "string" ? raw : raw.toString("utf8");
  if (text.length > MAX_MESSAGE) return { kind: "invalid", reason: "too large" };
  // The transport's keep-alive is a bare string, "ping: <ms>", once a second.
  if (text.startsWith("ping")) return { kind: "ping" };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { kind: "invalid", reason: "not JSON" };
  }
  if (!isObj(v)) return { kind: "invalid", reason: "not an object" };
  if (v.type === "signalling" && isObj(v.message) && typeof v.message.type === "string") {
    return { kind: "signalling", message: v.message as unknown as SignallingMessage };
  }
  if (v.label !== RTVI_LABEL || typeof v.type !== "string") return { kind: "invalid", reason: "not RTVI" };
  return { kind: "rtvi", type: v.type, id: typeof v.id === "string" ? v.id : undefined, data: v.data };
}

export function rtvi(type: string, data?: unknown, id?: string): RtviMessage {
  const m: RtviMessage = { label: RTVI_LABEL, type };
  if (id !== undefined) m.id = id;
  if (data !== undefined) m.data = data;
  return m;
}

export function signalling(type: "renegotiate" | "peerLeft"): { type: "signalling"; message: { type: string } } {
  return { type: "signalling", message: { type } };
}

export interface SendTextData {
  content: string;
  runImmediately: boolean;
  audioResponse: boolean;
}

export function readSendText(data: unknown): SendTextData | null {
  if (!isObj(data) || typeof data.content !== "string" || data.content.trim() === "") return null;
  const o = isObj(data.options) ? data.options : {};
  return {
    content: data.content.slice(0, 4000),
    runImmediately: o.run_immediately !== false,
    audioResponse: o.audio_response !== false,
  };
}

export function readClientMessage(data: unknown): { t: string; d: unknown } | null {
  if (!isObj(data) || typeof data.t !== "string") return null;
  return { t: data.t, d: data.d };
}

/** Gemini's usageMetadata as a Pipecat `metrics` message (LLM token usage). */
export function usageMetrics(
  usage: { promptTokenCount?: number; responseTokenCount?: number; totalTokenCount?: number },
  model: string,
): RtviMessage {
  const prompt = usage.promptTokenCount ?? 0;
  const completion = usage.responseTokenCount ?? 0;
  const tokens = { processor: "GeminiLive", model, prompt_tokens: prompt, completion_tokens: completion, total_tokens: usage.totalTokenCount ?? prompt + completion };
  return rtvi("metrics", { tokens: [tokens] });
}

/**
 * Search grounding as Pipecat's `bot-llm-search-response` (BotLLMSearchResponseData): one origin
 * per web source, with the answer's segments that source supports and their confidence.
 */
export function searchResponse(meta: {
  searchEntryPoint?: { renderedContent?: string };
  groundingChunks?: { web?: { uri?: string; title?: string } }[];
  groundingSupports?: { segment?: { text?: string }; groundingChunkIndices?: number[]; confidenceScores?: number[] }[];
}): RtviMessage | null {
  const chunks = meta.groundingChunks ?? [];
  const supports = meta.groundingSupports ?? [];
  if (!chunks.length && !meta.searchEntryPoint?.renderedContent) return null;
  const origins = chunks.map((c, i) => ({
    site_uri: c.web?.uri,
    site_title: c.web?.title,
    results: supports
      .filter((s) => s.groundingChunkIndices?.includes(i))
      .map((s) => {
        const at = s.groundingChunkIndices!.indexOf(i);
        return { text: s.segment?.text ?? "", confidence: s.confidenceScores?.[at] !== undefined ? [s.confidenceScores[at]!] : [] };
      }),
  }));
  const search_result = supports.map((s) => s.segment?.text ?? "").filter(Boolean).join(" ") || undefined;
  return rtvi("bot-llm-search-response", { search_result, rendered_content: meta.searchEntryPoint?.renderedContent, origins });
}
