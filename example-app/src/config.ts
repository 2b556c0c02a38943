import type { APIRequest } from "@pipecat-ai/client-js";
import { transportKind } from "./transport";

/**
 * Where the bot lives. Defaults to this app's own server on the same origin (`/start`, the
 * SmallWebRTC signalling a Pipecat runner also speaks). Set VITE_START_URL at build time
 * to point at any Pipecat bot, e.g. http://localhost:7860/start for a Python runner (that
 * server must then list this page's origin in its ALLOWED_ORIGINS: it refuses other sites).
 */
export const startUrl: string = import.meta.env.VITE_START_URL || "/start";

/**
 * The bearer token for a bot server started with START_TOKEN, set at build time as
 * VITE_START_TOKEN. It ends up in the bundle, so it keeps out other sites and drive-by
 * scripts, not someone who can load this page: put real user auth in front for that.
 */
const startToken: string = import.meta.env.VITE_START_TOKEN || "";

/**
 * The /start request. SmallWebRTC reuses its headers for the offer and ICE-candidate requests
 * (`/sessions/:id/api/offer`), so the token reaches every route that needs it. For the WebSocket
 * transport the body asks for `{ wsUrl, token }` instead: the browser cannot set headers on a
 * WebSocket, so the server hands out a one-use ticket that the transport puts on the URL.
 */
export const startBot: APIRequest = {
  endpoint: startUrl,
  ...(startToken ? { headers: new Headers({ authorization: `Bearer ${startToken}` }) } : {}),
  ...(transportKind === "websocket" ? { requestData: { transport: "websocket" } } : {}),
};

/** Server status (`{ mode, calls }`), when the server is this example's own. */
export const statusUrl: string = import.meta.env.VITE_STATUS_URL || new URL("/api/status", new URL(startUrl, window.location.href)).toString();
