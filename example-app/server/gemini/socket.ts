import WebSocket from "ws";
import type { Logger } from "../logger.js";
import { describeClose, parseFrame, type ClientMessage, type SetupMessage } from "./protocol.js";

/** Why a socket could not be set up, or why it closed. `code` is the close code when there was one. */
export class LiveSocketError extends Error {
  constructor(
    message: string,
    readonly code: number | undefined,
  ) {
    super(message);
  }
}

export interface LiveSocketHandlers {
  onMessage(msg: Record<string, unknown>): void;
  /** Closed after setup completed (never for a close we asked for). */
  onClosed(err: LiveSocketError): void;
}

/** Sockets not yet shut down, across all calls (for stats and leak checks). */
export const liveSockets = { count: 0 };

/**
 * One WebSocket to Gemini Live: setup → setupComplete, then frames both ways. The URL carries the
 * key, so neither it nor ws's error text (which can quote the URL) is ever logged or reported.
 */
export class LiveSocket {
  private ws: WebSocket | null = null;
  private ready = false;
  private done = false;
  audioSent = 0;

  constructor(
    private readonly url: string,
    private readonly setup: SetupMessage,
    private readonly handlers: LiveSocketHandlers,
    private readonly logger: Logger,
    private readonly setupTimeoutMs = 10_000,
  ) {}

  get isOpen(): boolean {
    return this.ready && !this.done && this.ws?.readyState === WebSocket.OPEN;
  }

  open(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      liveSockets.count++;
      const ws = new WebSocket(this.url, { handshakeTimeout: this.setupTimeoutMs });
      this.ws = ws;
      let settled = false;
      const fail = (err: LiveSocketError): void => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          reject(err);
        } else if (!this.done) this.handlers.onClosed(err);
        this.release(null);
      };
      const timer = setTimeout(() => fail(new LiveSocketError("Gemini Live setup timed out", undefined)), this.setupTimeoutMs);
      ws.on("open", () => this.send(this.setup));
      ws.on("message", (data) => {
        const msg = parseFrame(data);
        if (!msg) return;
        if (!this.ready && "setupComplete" in msg) {
          this.ready = true;
          settled = true;
          clearTimeout(timer);
          resolve();
          return;
        }
        this.handlers.onMessage(msg);
      });
      ws.on("error", (err: Error & { code?: string }) => {
        this.logger.warn("gemini socket error", err.code ?? "error");
        fail(new LiveSocketError("Gemini Live connection error", undefined));
      });
      ws.on("unexpected-response", (_req, res) =>
        fail(new LiveSocketError(`Gemini Live refused the connection (HTTP ${res.statusCode})`, undefined)),
      );
      ws.on("close", (code, reason) => fail(new LiveSocketError(describeClose(code, reason.toString("utf8").slice(0, 200)), code)));
    });
  }

  send(msg: ClientMessage): boolean {
    if (this.done || this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  /** Leave with a close frame (1000): the service sees a clean goodbye, not a dropped connection. */
  close(): void {
    this.release(1000);
  }

  private release(code: number | null): void {
    if (this.done) return;
    this.done = true;
    liveSockets.count--;
    const ws = this.ws;
    this.ws = null;
    if (!ws) return;
    ws.removeAllListeners("message");
    ws.removeAllListeners("close");
    ws.on("error", () => undefined);
    if (code !== null && ws.readyState === WebSocket.OPEN) {
      ws.close(code);
      // A peer that never answers the close frame must not keep the socket alive.
      setTimeout(() => ws.terminate(), 2000).unref();
    } else if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
  }
}
