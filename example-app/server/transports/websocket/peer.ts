import type { WebSocket } from "ws";
import type { RtpOut } from "../../audio/outbound.js";
import { Resampler, floatToInt16, int16ToFloat } from "../../audio/resampler.js";
import type { Logger } from "../../logger.js";
import type { Metrics } from "../../metrics.js";
import { ChannelGate } from "../../peer.js";
import { rtvi } from "../../rtvi.js";
import type { CallChannel, CallPeer, CallPeerEvents } from "../types.js";
import { decodeFrame, encodeAudio, encodeMessage } from "./frames.js";

export interface WsPeerOptions {
  logger: Logger;
  /** Largest RTVI message let through (bytes); 0 = no limit. */
  maxMessageBytes: number;
  /** RTVI messages per second, in bursts of twice that; 0 = no limit (the data channel's gate). */
  messagesPerSec: number;
  textPerSec: number;
  metrics?: Metrics;
  /** The PCM rates of the call: what it takes in and what it sends. */
  inputRate: number;
  outputRate: number;
  /** WebSocket ping period: the browser answers pings by itself, which keeps a muted call alive. */
  pingMs?: number;
}

type Listener<T> = (v: T) => void;

/** A tiny event with the `subscribe` the call uses on werift's data channel. */
class Emitter<T> {
  private readonly fns = new Set<Listener<T>>();
  subscribe(fn: Listener<T>): { unSubscribe: () => void } {
    this.fns.add(fn);
    return { unSubscribe: () => this.fns.delete(fn) };
  }
  emit(v: T): void {
    for (const fn of [...this.fns]) fn(v);
  }
}

/**
 * The bot's side of one Pipecat WebSocket connection (frames.proto, as @pipecat-ai/websocket-transport
 * speaks it), in the call's neutral shape: inbound AudioRawFrames become 16 kHz PCM packets,
 * MessageFrames RTVI text on a channel labelled like the WebRTC one; outbound 20 ms frames leave as
 * AudioRawFrames at the output rate, when the call's clock releases them (so in real time).
 */
export class WsPeer implements CallPeer {
  private events: CallPeerEvents | null = null;
  private closed = false;
  private readonly pinger: NodeJS.Timeout;
  private readonly messages: ChannelGate;
  /** Audio has its own bound: a client's 32 ms chunks, and the burst a TCP stall releases at once. */
  private readonly audio = new ChannelGate(64 * 1024, 100);
  private resampler: Resampler | null = null;
  private lastNotice = -Infinity;
  private readonly received = new Emitter<string | Buffer>();
  /** Never fires: the socket is open for as long as the peer lives, and its end is onClosed. */
  private readonly state = new Emitter<string>();
  readonly channel: CallChannel;

  constructor(
    private readonly ws: WebSocket,
    private readonly opts: WsPeerOptions,
  ) {
    this.messages = new ChannelGate(opts.maxMessageBytes, opts.messagesPerSec, undefined, opts.textPerSec);
    const isClosed = (): boolean => this.closed;
    this.channel = {
      label: "chat",
      get readyState() {
        return isClosed() ? "closed" : "open";
      },
      send: (data: string) => this.sendMessage(data),
      onMessage: this.received,
      stateChanged: this.state,
    };
    ws.binaryType = "nodebuffer";
    ws.on("message", (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on("close", (code) => this.finish(`websocket closed (${code})`));
    ws.on("error", (e) => {
      opts.logger.debug("websocket error", e);
      this.finish("websocket error");
    });
    // The call's "browser went silent" sweep counts any inbound traffic; a pong is the socket's.
    ws.on("pong", () => this.received.emit("ping"));
    this.pinger = setInterval(() => {
      if (ws.readyState === ws.OPEN) ws.ping();
    }, opts.pingMs ?? 2000);
    this.pinger.unref();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The socket is open already: the channel is there at once. */
  attach(events: CallPeerEvents): void {
    this.events = events;
    events.onDataChannel(this.channel);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    if (this.closed) return;
    const f = isBinary ? decodeFrame(data) : ({ kind: "invalid" } as const);
    if (f.kind === "audio") {
      const v = this.audio.check(data);
      if (v === "flood") return this.flood("audio");
      if (v !== null || f.numChannels > 1 || f.sampleRate <= 0) return;
      this.events?.onRtp(this.toInputRate(f.pcm, f.sampleRate), performance.now());
      return;
    }
    const verdict = this.messages.check(f.kind === "message" ? f.data : data);
    this.opts.metrics?.channelMessage(verdict === null);
    if (verdict === "flood") return this.flood("messages");
    if (verdict !== null) return this.notice(verdict);
    if (f.kind === "message") this.received.emit(f.data);
  }

  private toInputRate(pcm: Int16Array, rate: number): Buffer {
    let out = pcm;
    if (rate !== this.opts.inputRate) {
      if (this.resampler?.inRate !== rate) this.resampler = new Resampler(rate, this.opts.inputRate);
      out = floatToInt16(this.resampler.process(int16ToFloat(pcm)));
    }
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }

  private notice(verdict: "too large" | "too fast"): void {
    const now = performance.now();
    if (now - this.lastNotice < 1000) return;
    this.lastNotice = now;
    const error = verdict === "too large" ? `Message over ${this.opts.maxMessageBytes} bytes dropped` : `More than ${this.opts.messagesPerSec} messages a second; some were dropped`;
    this.sendMessage(JSON.stringify(rtvi("error", { error, fatal: false })));
  }

  private flood(what: string): void {
    this.opts.logger.warn(`closing websocket: ${what} flood`);
    this.finish(`websocket ${what} flood`);
  }

  private sendMessage(json: string): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(encodeMessage(json));
  }

  /** The payload is the PcmCodec's s16le frame; RTP numbering has no meaning on this wire. */
  writeRtp(p: RtpOut): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(encodeAudio(p.payload, this.opts.outputRate));
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.close();
    this.events?.onClosed(reason);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pinger);
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.close(1000, "bye");
    // A peer that never answers the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 2000).unref();
  }
}
