import type { Transport } from "@pipecat-ai/client-js";
import { SmallWebRTCTransport, WavMediaManager } from "@pipecat-ai/small-webrtc-transport";

/**
 * The one line that picks the transport. SmallWebRTC talks to this app's bot server (or a
 * Pipecat runner). WavMediaManager keeps everything local: the default media manager loads
 * a script from a CDN. To run bots elsewhere on Daily, swap this line for
 * `new DailyTransport()` from `@pipecat-ai/daily-transport`; nothing else changes.
 */
export const createTransport = (): Transport => new SmallWebRTCTransport({ mediaManager: new WavMediaManager() });
