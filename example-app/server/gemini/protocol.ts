/**
 * The slice of the Gemini Live (BidiGenerateContent) WebSocket protocol this server uses.
 * Field names follow the public API's JSON (camelCase), as @google/genai 2.x writes and reads them
 * (checked against its live module: test/server/genai-sdk.test.ts).
 */

export const GEMINI_HOST = "wss://generativelanguage.googleapis.com";
export const GEMINI_LIVE_URL = `${GEMINI_HOST}/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent`;

export const INPUT_RATE = 16000;
export const OUTPUT_RATE = 24000;

export type ApiVersion = "v1beta" | "v1alpha" | "v1";

export interface Part {
  text?: string;
  inlineData?: { mimeType: string; data: string };
}

export interface Content {
  role?: string;
  parts: Part[];
}

export interface FunctionDeclaration {
  name: string;
  description: string;
  parameters?: Record<string, unknown>;
  behavior?: "BLOCKING" | "NON_BLOCKING";
}

export interface Tool {
  functionDeclarations?: FunctionDeclaration[];
  googleSearch?: Record<string, never>;
}

export interface SetupMessage {
  setup: {
    model: string;
    generationConfig?: {
      responseModalities?: string[];
      speechConfig?: { voiceConfig?: { prebuiltVoiceConfig?: { voiceName: string } }; languageCode?: string };
    };
    systemInstruction?: Content;
    tools?: Tool[];
    inputAudioTranscription?: Record<string, never>;
    outputAudioTranscription?: Record<string, never>;
    realtimeInputConfig?: Record<string, unknown>;
    /** Present (even empty) to be sent resumption handles; `handle` resumes an earlier session. */
    sessionResumption?: { handle?: string };
    contextWindowCompression?: { slidingWindow?: { targetTokens?: string }; triggerTokens?: string };
  };
}

export interface RealtimeInputMessage {
  realtimeInput: {
    audio?: { mimeType: string; data: string };
    /** A camera or screen picture (`image/jpeg`), about one a second. */
    video?: { mimeType: string; data: string };
    /** Older spelling still accepted by the API. */
    mediaChunks?: { mimeType: string; data: string }[];
    text?: string;
    audioStreamEnd?: boolean;
  };
}

export interface ClientContentMessage {
  clientContent: { turns?: Content[]; turnComplete?: boolean };
}

export interface FunctionResponse {
  id: string;
  name: string;
  response: Record<string, unknown>;
}

export interface ToolResponseMessage {
  toolResponse: { functionResponses: FunctionResponse[] };
}

export type ClientMessage = SetupMessage | RealtimeInputMessage | ClientContentMessage | ToolResponseMessage;

export interface GroundingMetadata {
  webSearchQueries?: string[];
  searchEntryPoint?: { renderedContent?: string };
  groundingChunks?: { web?: { uri?: string; title?: string } }[];
  groundingSupports?: { segment?: { text?: string }; groundingChunkIndices?: number[]; confidenceScores?: number[] }[];
}

export interface ServerContent {
  modelTurn?: Content;
  inputTranscription?: { text?: string };
  interimInputTranscription?: { text?: string };
  outputTranscription?: { text?: string };
  interrupted?: boolean;
  generationComplete?: boolean;
  turnComplete?: boolean;
  turnCompleteReason?: string;
  waitingForInput?: boolean;
  groundingMetadata?: GroundingMetadata;
}

export interface FunctionCall {
  id: string;
  name: string;
  args?: Record<string, unknown>;
}

export interface UsageMetadata {
  promptTokenCount?: number;
  responseTokenCount?: number;
  totalTokenCount?: number;
}

export interface ServerMessage {
  setupComplete?: Record<string, unknown>;
  serverContent?: ServerContent;
  toolCall?: { functionCalls: FunctionCall[] };
  toolCallCancellation?: { ids: string[] };
  usageMetadata?: UsageMetadata;
  /** A duration in protobuf JSON form, e.g. "10s". */
  goAway?: { timeLeft?: string };
  sessionResumptionUpdate?: { newHandle?: string; resumable?: boolean };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Parse one frame; the real service sends JSON in binary frames, so accept both. */
export function parseFrame(data: unknown): Record<string, unknown> | null {
  let text: string;
  if (typeof data === "string") text = data;
  else if (Buffer.isBuffer(data)) text = data.toString("utf8");
  else if (Array.isArray(data)) text = Buffer.concat(data as Buffer[]).toString("utf8");
  else if (data instanceof ArrayBuffer) text = Buffer.from(data).toString("utf8");
  else return null;
  try {
    const v: unknown = JSON.parse(text);
    return isRecord(v) ? v : null;
  } catch {
    return null;
  }
}

export function pcmMime(rate: number): string {
  return `audio/pcm;rate=${rate}`;
}

/** Sample rate from a mime type like `audio/pcm;rate=24000`; Gemini's output default otherwise. */
export function rateFromMime(mime: string | undefined): number {
  const m = /rate=(\d+)/.exec(mime ?? "");
  return m ? Number(m[1]) : OUTPUT_RATE;
}

/** "12.5s" → 12500 ms (protobuf Duration JSON); undefined when unreadable. */
export function durationMs(d: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)s$/.exec(d ?? "");
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}

const STANDARD_PATH = /^\/ws\/google\.ai\.generativelanguage\.(v\w+)\.GenerativeService\.(BidiGenerateContent(?:Constrained)?)$/;

/**
 * The endpoint for a key, as @google/genai builds it: an ephemeral token (`auth_tokens/…`) goes to
 * BidiGenerateContentConstrained as `access_token`, a raw key to BidiGenerateContent as `key`.
 * `base` may be a bare origin or a full standard URL (whose version and method are then replaced);
 * any other path (a proxy) is used as it is.
 */
export function liveUrl(base: string | undefined, apiVersion: ApiVersion, key: string): string {
  const u = new URL(base ?? GEMINI_HOST);
  const ephemeral = key.startsWith("auth_tokens/");
  if (u.pathname === "/" || u.pathname === "" || STANDARD_PATH.test(u.pathname)) {
    const method = ephemeral ? "BidiGenerateContentConstrained" : "BidiGenerateContent";
    u.pathname = `/ws/google.ai.generativelanguage.${apiVersion}.GenerativeService.${method}`;
  }
  u.searchParams.set(ephemeral ? "access_token" : "key", key);
  return u.toString();
}

/** Parse a Live path: which version and method it asks for, or null when it is not one. */
export function parseLivePath(pathname: string): { version: string; method: string } | null {
  const m = STANDARD_PATH.exec(pathname);
  return m ? { version: m[1]!, method: m[2]! } : null;
}

/**
 * What the service's close codes mean for the caller. The service reports request errors as a
 * close frame (code + reason), never as a message.
 */
export function describeClose(code: number, reason: string): string {
  const why = reason ? `: ${reason}` : "";
  switch (code) {
    case 1000:
      return `Gemini Live ended the session${why}`;
    case 1001:
      return `Gemini Live is going away${why}`;
    case 1006:
      return "The connection to Gemini Live was lost (no close frame)";
    case 1007:
      return `Gemini Live rejected the request (invalid argument, e.g. API key or setup)${why}`;
    case 1008:
      return `Gemini Live refused the request (policy: permission, model or session handle)${why}`;
    case 1011:
      return `Gemini Live failed internally or the quota is exhausted${why}`;
    case 1013:
      return `Gemini Live is overloaded, try again later${why}`;
    default:
      return `Gemini Live closed the connection (${code})${why}`;
  }
}
