/**
 * Where the bot lives. Defaults to this app's own server on the same origin (`/start`, the
 * SmallWebRTC signalling a Pipecat runner also speaks). Set VITE_START_URL at build time
 * to point at any Pipecat bot, e.g. http://localhost:7860/start for a Python runner.
 */
export const startUrl: string = import.meta.env.VITE_START_URL || "/start";

/** Server status (`{ mode, calls }`), when the server is this example's own. */
export const statusUrl: string = import.meta.env.VITE_STATUS_URL || new URL("/api/status", new URL(startUrl, window.location.href)).toString();
