import type { Transport } from "@pipecat-ai/client-js";
import { WavMediaManager as WsMediaManager, WebSocketTransport } from "@pipecat-ai/websocket-transport";
// SmallWebRTC with WavMediaManager's audio, plus the camera and screen share (videoMedia.ts).
import { videoWebRTCTransport } from "./videoMedia";

export type TransportKind = "webrtc" | "websocket";

/**
 * Which transport this page uses: WebRTC unless the address says `?transport=websocket` (the
 * switch in the header sets it). WebSockets are fine on a good network or for a prototype;
 * for real users WebRTC wins (see the README's "Transports", with what we measured).
 */
export const transportKind: TransportKind = new URLSearchParams(window.location.search).get("transport") === "websocket" ? "websocket" : "webrtc";

/**
 * The one line that picks the transport. SmallWebRTC talks to this app's bot server (or a
 * Pipecat runner). WavMediaManager keeps everything local: the default media managers load
 * a script from a CDN (SmallWebRTC) or Daily's library (WebSocket). To run bots elsewhere on
 * Daily, swap this line for `new DailyTransport()` from `@pipecat-ai/daily-transport`.
 * The WebSocket transport records 16 kHz PCM in 512-sample chunks and plays the bot itself.
 */
export const createTransport = (kind: TransportKind = transportKind): Transport =>
  kind === "websocket" ? new WebSocketTransport({ mediaManager: new WsMediaManager(512, 16000) }) : videoWebRTCTransport();
