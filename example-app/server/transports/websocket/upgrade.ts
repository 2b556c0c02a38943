import { STATUS_CODES, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { INPUT_RATE, OUTPUT_RATE } from "../../gemini/protocol.js";
import { HttpError, tooMany } from "../../http/errors.js";
import type { Guard } from "../../http/guard.js";
import { clientAddress, RateLimiter } from "../../http/limits.js";
import type { Logger } from "../../logger.js";
import type { Metrics } from "../../metrics.js";
import type { SessionManager } from "../../sessions.js";
import { PcmCodec } from "./pcm.js";
import { WsPeer } from "./peer.js";

/** Where a session's socket is: /start answers `{ wsUrl: <origin>/ws/<sessionId>, token }`. */
export const WS_PATH = /^\/ws\/([^/]+)$/;

/** The largest WebSocket message (the socket is closed with 1009 past it): a second of 16 kHz audio is 32 kB. */
export const WS_MAX_PAYLOAD = 128 * 1024;

export interface WsUpgradeDeps {
  sessions: SessionManager;
  guard: Guard;
  /** Upgrades start calls, so they take from the same per-address budget as offers. */
  offersPerMin: number;
  maxMessageBytes: number;
  messagesPerSec: number;
  textPerSec: number;
  logger: Logger;
  metrics: Metrics;
}

/** `ws` or `wss`, for the wsUrl /start hands back: as the browser reached us (or a TLS proxy in front). */
export function wsUrlFor(req: IncomingMessage, sessionId: string): string {
  const tls = (req.socket as { encrypted?: boolean }).encrypted === true || String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]!.trim() === "https";
  return `${tls ? "wss" : "ws"}://${String(req.headers.host ?? "localhost")}/ws/${encodeURIComponent(sessionId)}`;
}

/**
 * The HTTP server's `upgrade` handler: Pipecat's WebSocket transport behind the same checks as the
 * offer routes (Host, Origin — browsers send one on every WebSocket handshake, so a foreign page
 * cannot open a call — the per-address rate, the session's one-use ticket, MAX_CALLS).
 */
export function createWsUpgrade(d: WsUpgradeDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD, perMessageDeflate: false });
  const limiter = new RateLimiter(d.offersPerMin);

  const refuse = (socket: Duplex, e: unknown): void => {
    const err = e instanceof HttpError ? e : new HttpError(500, "Internal server error");
    if (!(e instanceof HttpError)) d.logger.error("websocket upgrade failed", e);
    const body = JSON.stringify({ error: err.message });
    const headers = { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(body)), connection: "close", ...err.headers };
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("");
    if (socket.writable) socket.end(`HTTP/1.1 ${err.status} ${STATUS_CODES[err.status] ?? ""}\r\n${head}\r\n${body}`);
    else socket.destroy();
  };

  return {
    handle(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      socket.on("error", (e) => d.logger.debug("upgrade socket error", e));
      try {
        d.guard.checkHost(req);
        d.guard.checkOrigin(req);
        let url: URL;
        try {
          url = new URL(req.url ?? "/", "http://localhost");
        } catch {
          throw new HttpError(400, "Malformed request target");
        }
        const m = WS_PATH.exec(url.pathname);
        if (!m) throw new HttpError(404, "Not found");
        const wait = limiter.take(clientAddress(req.socket.remoteAddress));
        if (wait > 0) throw tooMany("Too many calls from this address; retry later", wait);
        let sessionId: string;
        try {
          sessionId = decodeURIComponent(m[1]!);
        } catch {
          throw new HttpError(400, "Malformed percent-encoding in the path");
        }
        d.sessions.checkWebSocket(sessionId, url.searchParams.get("token"));
        // Completes in this tick (no verifyClient), so the check above still holds when the call starts.
        wss.handleUpgrade(req, socket, head, (ws) => {
          const peer = new WsPeer(ws, {
            logger: d.logger,
            metrics: d.metrics,
            maxMessageBytes: d.maxMessageBytes,
            messagesPerSec: d.messagesPerSec,
            textPerSec: d.textPerSec,
            inputRate: INPUT_RATE,
            outputRate: OUTPUT_RATE,
          });
          try {
            d.sessions.acceptWebSocket(sessionId, peer, new PcmCodec(OUTPUT_RATE));
          } catch (e) {
            d.logger.info("websocket call refused", e);
            peer.close();
          }
        });
      } catch (e) {
        refuse(socket, e);
      }
    },
    /** Sockets the sessions no longer own (none, normally): cut at shutdown. */
    close(): void {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
