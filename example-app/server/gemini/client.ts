import { bytesToInt16 } from "../audio/resampler.js";
import type { Logger } from "../logger.js";
import {
  INPUT_RATE,
  durationMs,
  isRecord,
  liveUrl,
  pcmMime,
  rateFromMime,
  type ApiVersion,
  type ClientMessage,
  type FunctionCall,
  type FunctionDeclaration,
  type FunctionResponse,
  type GroundingMetadata,
  type ServerContent,
  type ServerMessage,
  type UsageMetadata,
} from "./protocol.js";
import { buildSetup } from "./setup.js";
import { LiveSocket, LiveSocketError, liveSockets } from "./socket.js";

export interface GeminiOptions {
  apiKey: string;
  /** Origin or full ws(s) URL without the key; defaults to Google's endpoint. */
  url?: string;
  apiVersion?: ApiVersion;
  model: string;
  voice: string;
  /** BCP-47 code for speech (e.g. cmn-CN, ja-JP); the model picks when unset. */
  language?: string;
  systemInstruction: string;
  tools?: FunctionDeclaration[];
  googleSearch?: boolean;
  /** Sliding-window context compression (default on: audio sessions otherwise end at ~15 min). */
  contextCompression?: boolean;
  /** Ask for resumption handles and reconnect on goAway or a lost socket (default on). */
  resumption?: boolean;
  logger: Logger;
  setupTimeoutMs?: number;
  /** Most mic audio held while a new socket is set up; older audio beyond it is dropped (counted). */
  maxHeldAudioMs?: number;
}

export interface ResumeInfo {
  /** Reconnects done in this call, this one included. */
  count: number;
  /** How long mic audio was held back while the new socket was set up. */
  heldMs: number;
  /** Mic audio that could not be held and was lost. */
  droppedAudioMs: number;
}

export interface GeminiEvents {
  onAudio(pcm: Int16Array, rate: number, receivedAt: number): void;
  onInputTranscription(text: string): void;
  onInterimInputTranscription?(text: string): void;
  onOutputTranscription(text: string): void;
  onInterrupted(): void;
  onGenerationComplete?(): void;
  onTurnComplete(reason?: string): void;
  onWaitingForInput?(): void;
  onGoAway(timeLeft: string | undefined): void;
  onToolCall?(calls: FunctionCall[]): void;
  onToolCallCancellation?(ids: string[]): void;
  onUsage?(usage: UsageMetadata): void;
  onGrounding?(meta: GroundingMetadata): void;
  onReconnecting?(reason: string): void;
  onResumed?(info: ResumeInfo): void;
  /** The session is gone and cannot be resumed; the call cannot continue. */
  onClosed(reason: string): void;
}

/** Close codes that say the request itself is wrong: resuming would be refused the same way. */
const FATAL_CODES = new Set([1007, 1008]);
const RETRY_DELAYS_MS = [250, 1000];

/**
 * The Gemini Live session of one call, across as many sockets as it takes: the service ends each
 * connection after ~10 minutes (goAway first), so a call keeps the latest resumption handle and
 * moves to a new socket with it. Mic audio is held, not lost, while the new socket is set up.
 */
export class GeminiLiveClient {
  static get live(): number {
    return liveSockets.count;
  }
  private active: LiveSocket | null = null;
  /** The previous socket, still finishing an answer the goAway deadline cut short. */
  private draining: LiveSocket | null = null;
  private handle: string | null = null;
  private closed = false;
  private reconnecting = false;
  private turnActive = false;
  private goAwayPending: { timer: NodeJS.Timeout } | null = null;
  private afterTurnTimer: NodeJS.Timeout | null = null;
  private held: ClientMessage[] = [];
  private heldSamples = 0;
  private droppedSamples = 0;
  private reconnects = 0;
  /** Last send of mic audio, for the bridge's latency figures. */
  lastAudioSentAt = 0;

  constructor(
    private readonly opts: GeminiOptions,
    private readonly events: GeminiEvents,
  ) {}

  /** Accepting input: connected, or holding it for a socket being set up. */
  get isOpen(): boolean {
    return !this.closed && (this.reconnecting || this.active?.isOpen === true);
  }

  get reconnectCount(): number {
    return this.reconnects;
  }

  private get resumption(): boolean {
    return this.opts.resumption !== false;
  }

  /** Connect and complete setup; rejects (without the key in the message) on failure. */
  async connect(): Promise<void> {
    const sock = this.socket();
    this.active = sock;
    try {
      await sock.open();
    } catch (e) {
      this.shutdown(null);
      throw e;
    }
  }

  private socket(): LiveSocket {
    const url = liveUrl(this.opts.url, this.opts.apiVersion ?? "v1beta", this.opts.apiKey);
    const setup = buildSetup(this.opts, this.resumption ? (this.handle ?? undefined) : null);
    const sock: LiveSocket = new LiveSocket(url, setup, {
      onMessage: (m) => this.onMessage(m, sock),
      onClosed: (err) => this.onSocketClosed(sock, err),
    }, this.opts.logger, this.opts.setupTimeoutMs);
    return sock;
  }

  private onMessage(msg: ServerMessage & Record<string, unknown>, from: LiveSocket): void {
    const now = performance.now();
    if (isRecord(msg.serverContent)) this.onContent(msg.serverContent as ServerContent, now, from);
    if (msg.toolCall && Array.isArray(msg.toolCall.functionCalls)) {
      this.turnActive = true;
      this.events.onToolCall?.(msg.toolCall.functionCalls);
    }
    if (msg.toolCallCancellation && Array.isArray(msg.toolCallCancellation.ids)) this.events.onToolCallCancellation?.(msg.toolCallCancellation.ids);
    if (isRecord(msg.usageMetadata)) this.events.onUsage?.(msg.usageMetadata);
    if (isRecord(msg.sessionResumptionUpdate)) {
      const u = msg.sessionResumptionUpdate;
      // resumable=false (mid-generation, mid-tool-call) comes with no handle: keep the last good one.
      if (u.resumable && u.newHandle) {
        this.handle = u.newHandle;
        if (this.afterTurnTimer && from === this.active) this.reconnectNow("goAway");
      }
    }
    if (isRecord(msg.goAway) && from === this.active) this.onGoAway(msg.goAway.timeLeft as string | undefined);
    // The Live protocol has no top-level `error` message: errors arrive as close frames (see describeClose).
  }

  private onContent(sc: ServerContent, now: number, from: LiveSocket): void {
    if (sc.interimInputTranscription?.text) this.events.onInterimInputTranscription?.(sc.interimInputTranscription.text);
    if (sc.inputTranscription?.text) this.events.onInputTranscription(sc.inputTranscription.text);
    for (const part of sc.modelTurn?.parts ?? []) {
      const data = part.inlineData;
      if (data?.data && data.mimeType?.startsWith("audio/pcm")) {
        this.turnActive = true;
        this.events.onAudio(bytesToInt16(Buffer.from(data.data, "base64")), rateFromMime(data.mimeType), now);
      }
      // Text parts are the model's thoughts or a text reply to an AUDIO-only setup: not spoken, not shown.
    }
    if (sc.outputTranscription?.text) {
      this.turnActive = true;
      this.events.onOutputTranscription(sc.outputTranscription.text);
    }
    if (sc.groundingMetadata) this.events.onGrounding?.(sc.groundingMetadata);
    if (sc.interrupted) this.events.onInterrupted();
    if (sc.generationComplete) this.events.onGenerationComplete?.();
    if (sc.waitingForInput) this.events.onWaitingForInput?.();
    if (sc.turnComplete && from === this.draining) {
      this.events.onTurnComplete(sc.turnCompleteReason);
      this.draining = null;
      from.close();
      return;
    }
    if (sc.turnComplete) {
      this.turnActive = false;
      this.events.onTurnComplete(sc.turnCompleteReason);
      // A goAway that came mid-turn: move now, with the handle that follows this turn if it comes soon.
      if (this.goAwayPending && !this.afterTurnTimer) this.afterTurnTimer = setTimeout(() => this.reconnectNow("goAway"), 500);
    }
  }

  private onGoAway(timeLeft: string | undefined): void {
    this.events.onGoAway(timeLeft);
    if (!this.resumption || this.reconnecting || this.goAwayPending) return;
    if (!this.turnActive) return this.reconnectNow("goAway");
    // Let the answer in flight finish on this socket, but leave before the deadline whatever happens.
    const left = durationMs(timeLeft) ?? 5000;
    this.goAwayPending = { timer: setTimeout(() => this.reconnectNow("goAway"), Math.max(0, left - 1500)) };
  }

  private onSocketClosed(sock: LiveSocket, err: LiveSocketError): void {
    if (this.closed || sock !== this.active || this.reconnecting) return;
    if (!this.resumption || !this.handle || (err.code !== undefined && FATAL_CODES.has(err.code))) return this.shutdown(err.message);
    // The answer in flight on the lost socket will not finish; the next socket starts clean.
    if (this.turnActive) {
      this.turnActive = false;
      this.events.onInterrupted();
    }
    this.reconnectNow(`connection lost (${err.message})`);
  }

  private reconnectNow(reason: string): void {
    if (this.closed || this.reconnecting) return;
    if (this.goAwayPending) clearTimeout(this.goAwayPending.timer);
    if (this.afterTurnTimer) clearTimeout(this.afterTurnTimer);
    this.goAwayPending = null;
    this.afterTurnTimer = null;
    this.reconnecting = true;
    this.heldSamples = this.droppedSamples = 0;
    const started = performance.now();
    this.events.onReconnecting?.(reason);
    void this.resume(0).then(
      (sock) => {
        if (this.closed) return sock.close();
        const old = this.active;
        this.active = sock;
        this.reconnecting = false;
        // An answer still playing on the old socket (deadline reached mid-turn) may finish there.
        if (old && this.turnActive && old.isOpen) {
          this.draining?.close();
          this.draining = old;
        } else old?.close();
        this.turnActive = false;
        for (const m of this.held) this.sendNow(m);
        this.held = [];
        this.reconnects++;
        this.events.onResumed?.({ count: this.reconnects, heldMs: performance.now() - started, droppedAudioMs: (this.droppedSamples / INPUT_RATE) * 1000 });
      },
      (e: unknown) => this.shutdown(`Gemini Live could not resume the session: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  private async resume(attempt: number): Promise<LiveSocket> {
    const sock = this.socket();
    try {
      await sock.open();
      return sock;
    } catch (e) {
      const code = e instanceof LiveSocketError ? e.code : undefined;
      const delay = RETRY_DELAYS_MS[attempt];
      // A refusal with a close code (bad handle, bad key) will not change on retry; a network error may.
      if (code !== undefined || delay === undefined || this.closed) throw e;
      await new Promise((r) => setTimeout(r, delay));
      return this.resume(attempt + 1);
    }
  }

  private send(msg: ClientMessage, samples = 0): void {
    if (this.closed) return;
    if (!this.reconnecting) return void this.sendNow(msg);
    const max = ((this.opts.maxHeldAudioMs ?? 5000) / 1000) * INPUT_RATE;
    if (samples && this.heldSamples + samples > max) {
      this.droppedSamples += samples;
      return;
    }
    this.heldSamples += samples;
    this.held.push(msg);
  }

  private sendNow(msg: ClientMessage): void {
    if (this.active?.send(msg) && "realtimeInput" in msg && msg.realtimeInput.audio) this.lastAudioSentAt = performance.now();
  }

  /** 16 kHz mono PCM from the user's mic. */
  sendAudio(pcm16k: Int16Array): void {
    const data = Buffer.from(pcm16k.buffer, pcm16k.byteOffset, pcm16k.byteLength).toString("base64");
    this.send({ realtimeInput: { audio: { mimeType: pcmMime(INPUT_RATE), data } } }, pcm16k.length);
  }

  /**
   * A video picture (JPEG). Dropped, not held, while a new socket is being set up: a stale
   * picture is worth nothing, and the next one is a second away. Returns whether it went out.
   */
  sendVideo(jpeg: Buffer): boolean {
    if (this.closed || this.reconnecting || !this.active?.isOpen) return false;
    return this.active.send({ realtimeInput: { video: { mimeType: "image/jpeg", data: jpeg.toString("base64") } } });
  }

  /** Typed text as a user turn; with turnComplete=false the model waits for more before answering. */
  sendText(text: string, turnComplete = true): void {
    this.send({ clientContent: { turns: [{ role: "user", parts: [{ text }] }], turnComplete } });
  }

  sendToolResponse(responses: FunctionResponse[]): void {
    if (responses.length) this.send({ toolResponse: { functionResponses: responses } });
  }

  /** The mic went quiet for good (muted): lets the model close the user's turn. */
  endAudioStream(): void {
    this.send({ realtimeInput: { audioStreamEnd: true } });
  }

  close(): void {
    this.shutdown(null);
  }

  private shutdown(reason: string | null): void {
    if (this.closed) return;
    this.closed = true;
    this.reconnecting = false;
    if (this.goAwayPending) clearTimeout(this.goAwayPending.timer);
    if (this.afterTurnTimer) clearTimeout(this.afterTurnTimer);
    this.held = [];
    this.active?.close();
    this.draining?.close();
    this.active = this.draining = null;
    if (reason !== null) this.events.onClosed(reason);
  }
}
