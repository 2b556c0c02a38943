// rtvi-react-kit/testing: play scripted RTVI sessions with no bot, key or network.

export { ScriptedTransport } from "./testing/ScriptedTransport";
export type { ScriptedTransportOptions } from "./testing/ScriptedTransport";
export { parseScript } from "./testing/script";
export type { Script, ScriptEvent, ScriptMessage } from "./testing/script";
export { canvasVideoTrack } from "./testing/canvasTrack";
export type { CanvasTrackOptions } from "./testing/canvasTrack";
