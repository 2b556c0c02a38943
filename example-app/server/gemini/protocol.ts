/**
 * The slice of the Gemini Live (BidiGenerateContent) WebSocket protocol this server uses.
 * Field names follow the public API's JSON (camelCase).
 */

export const GEMINI_LIVE_URL =
  "wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";

export const INPUT_RATE = 16000;
export const OUTPUT_RATE = 24000;

export interface Part {
  text?: string;
  inlineData?: { mimeType: string; data: string };
}

export interface Content {
  role?: string;
  parts: Part[];
}

export interface SetupMessage {
  setup: {
    model: string;
    generationConfig?: {
      responseModalities?: string[];
      speechConfig?: { voiceConfig?: { prebuiltVoiceConfig?: { voiceName: string } } };
    };
    systemInstruction?: Content;
    inputAudioTranscription?: Record<string, never>;
    outputAudioTranscription?: Record<string, never>;
    realtimeInputConfig?: Record<string, unknown>;
  };
}

export interface RealtimeInputMessage {
  realtimeInput: {
    audio?: { mimeType: string; data: string };
    /** Older spelling still accepted by the API. */
    mediaChunks?: { mimeType: string; data: string }[];
    text?: string;
    audioStreamEnd?: boolean;
  };
}

export interface ClientContentMessage {
  clientContent: { turns?: Content[]; turnComplete?: boolean };
}

export type ClientMessage = SetupMessage | RealtimeInputMessage | ClientContentMessage;

export interface ServerContent {
  modelTurn?: Content;
  inputTranscription?: { text?: string };
  outputTranscription?: { text?: string };
  interrupted?: boolean;
  turnComplete?: boolean;
  generationComplete?: boolean;
}

export interface ServerMessage {
  setupComplete?: Record<string, unknown>;
  serverContent?: ServerContent;
  goAway?: { timeLeft?: string };
  toolCall?: unknown;
  usageMetadata?: unknown;
  error?: { code?: number; message?: string };
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
