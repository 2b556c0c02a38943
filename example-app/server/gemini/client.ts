import WebSocket from "ws";
import { bytesToInt16 } from "../audio/resampler.js";
import type { Logger } from "../logger.js";
import {
  GEMINI_LIVE_URL,
  INPUT_RATE,
  isRecord,
  parseFrame,
  pcmMime,
  rateFromMime,
  type ClientMessage,
  type ServerContent,
  type SetupMessage,
} from "./protocol.js";

export interface GeminiOptions {
  apiKey: string;
  /** Full ws(s) URL without the key; defaults to Google's endpoint. */
  url?: string;
  model: string;
  voice: string;
  systemInstruction: string;
  logger: Logger;
  setupTimeoutMs?: number;
}

export interface GeminiEvents {
  onAudio(pcm: Int16Array, rate: number, receivedAt: number): void;
  onInputTranscription(text: string): void;
  onOutputTranscription(text: string): void;
  onInterrupted(): void;
  onTurnComplete(): void;
  onGoAway(timeLeft: string | undefined): void;
  /** The socket is gone; the call cannot continue. */
  onClosed(reason: string): void;
}

/** One Gemini Live socket for one call. Never logs or exposes the key (it lives only in the URL). */
export class GeminiLiveClient {
  /** Sockets not yet shut down, across all calls (for stats and leak checks). */
  static live = 0;
  private ws: WebSocket | null = null;
  private closed = false;
  private ready = false;
  /** Last ws.send of mic audio, for the bridge's latency figures. */
  lastAudioSentAt = 0;

  constructor(
    private readonly opts: GeminiOptions,
    private readonly events: GeminiEvents,
  ) {}

  get isOpen(): boolean {
    return this.ready && !this.closed && this.ws?.readyState === WebSocket.OPEN;
  }

  /** Connect and complete setup; rejects (without the key in the message) on failure. */
  connect(): Promise<void> {
    const base = this.opts.url ?? GEMINI_LIVE_URL;
    const url = `${base}${base.includes("?") ? "&" : "?"}key=${encodeURIComponent(this.opts.apiKey)}`;
    return new Promise<void>((resolve, reject) => {
      GeminiLiveClient.live++;
      const ws = new WebSocket(url, { handshakeTimeout: this.opts.setupTimeoutMs ?? 10_000 });
      this.ws = ws;
      let settled = false;
      const fail = (why: string): void => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          reject(new Error(why));
        }
        this.shutdown(why);
      };
      const timer = setTimeout(() => fail("Gemini Live setup timed out"), this.opts.setupTimeoutMs ?? 10_000);
      ws.on("open", () => this.send(this.setupMessage()));
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
        this.handle(msg);
      });
      // The error text from ws can include the URL; keep only a generic reason.
      ws.on("error", (err: Error & { code?: string }) => {
        this.opts.logger.warn("gemini socket error", err.code ?? "error");
        fail("Gemini Live connection error");
      });
      ws.on("unexpected-response", (_req, res) => fail(`Gemini Live refused the connection (HTTP ${res.statusCode})`));
      ws.on("close", (code, reason) => {
        const text = reason.toString("utf8").slice(0, 200);
        fail(`Gemini Live closed (${code}${text ? `: ${text}` : ""})`);
      });
    });
  }

  private setupMessage(): SetupMessage {
    return {
      setup: {
        model: this.opts.model.startsWith("models/") ? this.opts.model : `models/${this.opts.model}`,
        generationConfig: {
          responseModalities: ["AUDIO"],
          speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: this.opts.voice } } },
        },
        systemInstruction: { parts: [{ text: this.opts.systemInstruction }] },
        inputAudioTranscription: {},
        outputAudioTranscription: {},
      },
    };
  }

  private handle(msg: Record<string, unknown>): void {
    const now = performance.now();
    if (isRecord(msg.serverContent)) {
      const sc = msg.serverContent as ServerContent;
      if (sc.inputTranscription?.text) this.events.onInputTranscription(sc.inputTranscription.text);
      for (const part of sc.modelTurn?.parts ?? []) {
        const data = part.inlineData;
        if (data?.data && data.mimeType?.startsWith("audio/pcm")) {
          const pcm = bytesToInt16(Buffer.from(data.data, "base64"));
          this.events.onAudio(pcm, rateFromMime(data.mimeType), now);
        }
      }
      if (sc.outputTranscription?.text) this.events.onOutputTranscription(sc.outputTranscription.text);
      if (sc.interrupted) this.events.onInterrupted();
      if (sc.turnComplete) this.events.onTurnComplete();
    }
    if (isRecord(msg.goAway)) this.events.onGoAway(typeof msg.goAway.timeLeft === "string" ? msg.goAway.timeLeft : undefined);
    if (isRecord(msg.error)) this.shutdown(`Gemini Live error: ${String(msg.error.message ?? "unknown")}`);
  }

  private send(msg: ClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  /** 16 kHz mono PCM from the user's mic. */
  sendAudio(pcm16k: Int16Array): void {
    if (!this.isOpen) return;
    const data = Buffer.from(pcm16k.buffer, pcm16k.byteOffset, pcm16k.byteLength).toString("base64");
    this.send({ realtimeInput: { audio: { mimeType: pcmMime(INPUT_RATE), data } } });
    this.lastAudioSentAt = performance.now();
  }

  sendText(text: string, turnComplete = true): void {
    if (!this.isOpen) return;
    this.send({ clientContent: { turns: [{ role: "user", parts: [{ text }] }], turnComplete } });
  }

  /** The mic went quiet for good (muted): lets the model close the user's turn. */
  endAudioStream(): void {
    if (this.isOpen) this.send({ realtimeInput: { audioStreamEnd: true } });
  }

  close(): void {
    this.shutdown(null);
  }

  private shutdown(reason: string | null): void {
    if (this.closed) return;
    this.closed = true;
    if (this.ws) GeminiLiveClient.live--;
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.removeAllListeners("message");
      ws.on("error", () => undefined);
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
    }
    if (reason !== null && this.ready) this.events.onClosed(reason);
  }
}
