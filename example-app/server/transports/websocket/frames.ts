/**
 * Pipecat's frames.proto as @pipecat-ai/websocket-transport 1.7 ships it (package `pipecat`), on
 * the protobuf runtime that client uses (@protobuf-ts/runtime), by reflection: the same field
 * numbers and types as its generated code, so both ends read and write the same bytes.
 *
 *   message Frame { oneof frame { TextFrame text = 1; AudioRawFrame audio = 2;
 *                                 TranscriptionFrame transcription = 3; MessageFrame message = 4; } }
 *
 * 1.7 has no InterruptionFrame: its deserializer throws on any other frame kind, so a barge-in
 * cannot be told on this wire; the server stops sending instead (its queue is cleared and audio
 * leaves in real time, so the client holds little).
 */
import { LongType, MessageType, ScalarType } from "@protobuf-ts/runtime";

export interface TextFrame {
  id: bigint;
  name: string;
  text: string;
}

export interface AudioRawFrame {
  id: bigint;
  name: string;
  /** s16le PCM. */
  audio: Uint8Array;
  sampleRate: number;
  numChannels: number;
  pts?: bigint;
}

export interface TranscriptionFrame {
  id: bigint;
  name: string;
  text: string;
  userId: string;
  timestamp: string;
}

export interface MessageFrame {
  /** A JSON document: RTVI messages travel here. */
  data: string;
}

export interface Frame {
  frame:
    | { oneofKind: "text"; text: TextFrame }
    | { oneofKind: "audio"; audio: AudioRawFrame }
    | { oneofKind: "transcription"; transcription: TranscriptionFrame }
    | { oneofKind: "message"; message: MessageFrame }
    | { oneofKind: undefined };
}

const id = { no: 1, name: "id", kind: "scalar", T: ScalarType.UINT64, L: LongType.BIGINT } as const;
const name = { no: 2, name: "name", kind: "scalar", T: ScalarType.STRING } as const;

export const TextFrameType = new MessageType<TextFrame>("pipecat.TextFrame", [id, name, { no: 3, name: "text", kind: "scalar", T: ScalarType.STRING }]);

export const AudioRawFrameType = new MessageType<AudioRawFrame>("pipecat.AudioRawFrame", [
  id,
  name,
  { no: 3, name: "audio", kind: "scalar", T: ScalarType.BYTES },
  { no: 4, name: "sample_rate", kind: "scalar", T: ScalarType.UINT32 },
  { no: 5, name: "num_channels", kind: "scalar", T: ScalarType.UINT32 },
  { no: 6, name: "pts", kind: "scalar", opt: true, T: ScalarType.UINT64, L: LongType.BIGINT },
]);

export const TranscriptionFrameType = new MessageType<TranscriptionFrame>("pipecat.TranscriptionFrame", [
  id,
  name,
  { no: 3, name: "text", kind: "scalar", T: ScalarType.STRING },
  { no: 4, name: "user_id", kind: "scalar", T: ScalarType.STRING },
  { no: 5, name: "timestamp", kind: "scalar", T: ScalarType.STRING },
]);

export const MessageFrameType = new MessageType<MessageFrame>("pipecat.MessageFrame", [{ no: 1, name: "data", kind: "scalar", T: ScalarType.STRING }]);

export const FrameType = new MessageType<Frame>("pipecat.Frame", [
  { no: 1, name: "text", kind: "message", oneof: "frame", T: () => TextFrameType },
  { no: 2, name: "audio", kind: "message", oneof: "frame", T: () => AudioRawFrameType },
  { no: 3, name: "transcription", kind: "message", oneof: "frame", T: () => TranscriptionFrameType },
  { no: 4, name: "message", kind: "message", oneof: "frame", T: () => MessageFrameType },
]);

/** One bot audio frame (s16le mono, as samples or bytes) as the client's ProtobufFrameSerializer reads it. */
export function encodeAudio(pcm: Int16Array | Uint8Array, sampleRate: number): Uint8Array {
  const audio = pcm instanceof Uint8Array ? pcm : new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
  return FrameType.toBinary({ frame: { oneofKind: "audio", audio: { id: 0n, name: "audio", audio, sampleRate, numChannels: 1 } } });
}

/** One RTVI message (any JSON value) as a MessageFrame. */
export function encodeMessage(json: string): Uint8Array {
  return FrameType.toBinary({ frame: { oneofKind: "message", message: { data: json } } });
}

export type Inbound =
  | { kind: "audio"; pcm: Int16Array; sampleRate: number; numChannels: number }
  | { kind: "message"; data: string }
  | { kind: "other" }
  | { kind: "invalid" };

/** Decode one binary WebSocket message. Never throws: the caller is untrusted. */
export function decodeFrame(bytes: Uint8Array): Inbound {
  let f: Frame;
  try {
    f = FrameType.fromBinary(bytes, { readUnknownField: false });
  } catch {
    return { kind: "invalid" };
  }
  const fr = f.frame;
  if (fr.oneofKind === "message") return { kind: "message", data: fr.message.data };
  if (fr.oneofKind === "audio") {
    const a = fr.audio.audio;
    if (a.byteLength % 2 !== 0) return { kind: "invalid" };
    // Copied: the protobuf bytes are a view into the socket's buffer, at any (odd) offset.
    const pcm = new Int16Array(a.byteLength / 2);
    new Uint8Array(pcm.buffer).set(a);
    return { kind: "audio", pcm, sampleRate: fr.audio.sampleRate, numChannels: fr.audio.numChannels };
  }
  return fr.oneofKind === undefined ? { kind: "invalid" } : { kind: "other" };
}
