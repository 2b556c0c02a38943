import type { VideoRtp } from "../video/depacketize.js";
/**
 * The neutral call interface every transport turns its wire into (DESIGN §10): 16 kHz PCM in,
 * 24 kHz PCM out, RTVI messages both ways. It is the shape BotPeer (werift) already has, so the
 * WebRTC path needs no adapter: a transport hands the call "packets" on a message channel and its
 * codec says what a packet is (Opus for WebRTC, raw s16le for the WebSocket transport).
 */
import type { RtpOut } from "../audio/outbound.js";

/** RTVI (and transport) messages as text, like the WebRTC `chat` data channel. */
export interface CallChannel {
  readonly label: string;
  readonly readyState: string;
  send(data: string): void;
  readonly onMessage: { subscribe(fn: (data: string | Buffer) => void): unknown };
  readonly stateChanged: { subscribe(fn: (state: string) => void): unknown };
}

export interface CallPeerEvents {
  onDataChannel(ch: CallChannel): void;
  /** One inbound media packet, as the call's codec decodes it. */
  onRtp(payload: Buffer, receivedAt: number): void;
  onClosed(reason: string): void;
  /** Video RTP (WebRTC only): `mid` "1" camera, "2" screen; `requestKeyframe` sends a PLI. */
  onVideoRtp?(mid: string, codec: "vp8" | "h264", rtp: VideoRtp, requestKeyframe: () => void): void;
}

export interface CallPeer {
  readonly isClosed: boolean;
  attach(events: CallPeerEvents): void;
  /** One outbound 20 ms frame from the call's pacing clock, encoded by the call's codec. */
  writeRtp(p: RtpOut): void;
  close(): void;
}

/** What the call's pacing and input path need from a codec (OpusCodec, PcmCodec). */
export interface FrameCodec {
  readonly encodeRate: number;
  readonly encodeFrameSamples: number;
  encode(frame: Int16Array): Buffer;
  decode(packet: Buffer): Int16Array | null;
  close(): void;
}
