import { FrameClock } from "./audio/clock.js";
import { OpusCodec } from "./audio/opus.js";
import type { EncoderThread } from "./audio/encoderThread.js";
import { OutboundAudio } from "./audio/outbound.js";
import { int16ToFloat } from "./audio/resampler.js";
import { EnergyVad } from "./audio/vad.js";
import { FvadVad, loadFvad } from "./speech/fvad.js";
import { FunctionCallRunner } from "./bots/tools.js";
import { GeminiLiveClient, type GeminiOptions } from "./gemini/client.js";
import { geminiLiveFromEnv } from "./gemini/env.js";
import { INPUT_RATE, OUTPUT_RATE } from "./gemini/protocol.js";
import type { Logger } from "./logger.js";
import type { Metrics } from "./metrics.js";
import type { CallChannel, CallPeer, FrameCodec } from "./transports/types.js";
import {
  RTVI_VERSION,
  parseInbound,
  readClientMessage,
  readSendText,
  rtvi,
  searchResponse,
  signalling,
  usageMetrics,
  type RtviMessage,
} from "./rtvi.js";
import { TranscriptMapper } from "./transcript.js";
import { CallVideo } from "./video/callVideo.js";
import { TurnMetrics } from "./turnMetrics.js";

export type Mode = "gemini" | "offline-demo";

export interface CallOptions {
  id: string;
  sessionId: string;
  mode: Mode;
  gemini: Omit<GeminiOptions, "logger">;
  logger: Logger;
  metrics: Metrics;
  /** What the transport's packets are: Opus (WebRTC, the default) or raw PCM (WebSocket). */
  codec?: FrameCodec;
  /** Where Opus frames are encoded ahead of their slot; without it, each is encoded in its slot. */
  encoder?: EncoderThread;
  /** Called once, after every resource of the call has been released. */
  onEnded(call: Call, reason: string): void;
}

/** One caller: a WebRTC peer bridged to one Gemini Live socket, speaking RTVI on the data channel. */
export class Call {
  readonly id: string;
  lastActivity = Date.now();
  /** The data channel opened once: from then on, silence from the browser means it is gone. */
  live = false;
  private peer: CallPeer | null = null;
  private channel: CallChannel | null = null;
  /** Decodes straight to Gemini's 16 kHz input and encodes from its 24 kHz output: no resampling here. */
  private readonly codec: FrameCodec;
  /**
   * user-started/stopped-speaking for the UI. WebRTC VAD (libfvad mode 3), as in the offline
   * bot's turn detection, so the UI agrees with what the bot answers. On 20 espeak prompts with
   * white noise at 10 dB SNR the energy VAD missed 20/20 starts (20 false starts), fvad mode 3
   * 2/20 (24 false starts); clean, neither misses or misfires, and fvad ends ~90 ms later
   * (median 597 vs 505 ms after the last word; example-app/tools/speech-bench.ts). The energy
   * VAD covers the first frames, until the wasm module has loaded.
   */
  private vad: EnergyVad | FvadVad = new EnergyVad();
  private readonly out: OutboundAudio;
  private readonly gemini: GeminiLiveClient;
  private readonly geminiReady: Promise<boolean>;
  private readonly transcript: TranscriptMapper;
  private readonly functions: FunctionCallRunner;
  private readonly turnMetrics: TurnMetrics;
  private readonly log: Logger;
  private readonly video: CallVideo;
  private botTurn = false;
  private micEnabled = true;
  private ended = false;
  /** A fatal error that happened before the data channel opened, waiting to be told. */
  private pendingFatal: { reason: string; timer: NodeJS.Timeout } | null = null;

  constructor(private readonly opts: CallOptions) {
    this.id = opts.id;
    this.codec = opts.codec ?? new OpusCodec(OUTPUT_RATE, INPUT_RATE);
    this.log = opts.logger.child(`call ${opts.id.slice(0, 8)}`);
    this.transcript = new TranscriptMapper((m) => this.send(m));
    loadFvad().then(
      (mod) => {
        if (this.ended || this.vad.speaking) return;
        this.vad = new FvadVad(mod, { mode: 3, sampleRate: INPUT_RATE });
      },
      (e: unknown) => this.log.warn("WebRTC VAD unavailable, energy VAD kept", e),
    );
    // A clock per call: calls start at different moments, so their frame work is spread across
    // the 20 ms period instead of all landing on one shared tick.
    this.out = new OutboundAudio(this.codec, new FrameClock(), {
      send: (p) => this.peer?.writeRtp(p),
      onStarted: () => this.send(rtvi("bot-started-speaking")),
      onStopped: () => this.send(rtvi("bot-stopped-speaking")),
    }, opts.metrics, this.codec instanceof OpusCodec ? opts.encoder?.stream(OUTPUT_RATE) : undefined);
    const gemini = { ...geminiLiveFromEnv(), ...opts.gemini, logger: this.log };
    this.turnMetrics = new TurnMetrics(opts.mode === "offline-demo" ? "OfflineDemoBot" : "GeminiLive", gemini.model, (m) => this.send(m));
    this.functions = new FunctionCallRunner((m) => this.send(m), (r) => this.gemini.sendToolResponse(r));
    this.gemini = new GeminiLiveClient(gemini, {
      onAudio: (pcm, rate, at) => {
        this.startBotTurn();
        this.out.push(pcm, rate, at);
      },
      onInputTranscription: (t) => this.transcript.userFragment(t),
      onInterimInputTranscription: (t) => this.transcript.userInterim(t),
      onOutputTranscription: (t) => {
        this.startBotTurn();
        this.transcript.botFragment(t);
      },
      onInterrupted: () => {
        this.out.clear();
        this.transcript.interruptBot();
        this.send(rtvi("bot-interrupted"));
        this.endBotTurn();
      },
      // Generation is done but its audio may still be queued here: the turn ends at turnComplete,
      // which the service sends once playback should be over.
      onGenerationComplete: () => this.turnMetrics.generationDone(),
      onTurnComplete: (reason) => {
        if (reason && reason !== "TURN_COMPLETE_REASON_UNSPECIFIED") this.log.info(`turn complete: ${reason}`);
        this.transcript.flushUser();
        this.transcript.flushBot();
        this.endBotTurn();
        this.out.finish();
      },
      // The model expects the user to go on talking: nothing to show; the mic stays open anyway.
      onWaitingForInput: () => undefined,
      onToolCall: (calls) => this.functions.onToolCall(calls),
      onToolCallCancellation: (ids) => this.functions.cancel(ids),
      onUsage: (u) => this.send(usageMetrics(u, gemini.model)),
      onGrounding: (meta) => {
        const m = searchResponse(meta);
        if (m) this.send(m);
      },
      // The client handles goAway itself (moves to a new socket); the caller sees "reconnecting".
      onGoAway: (left) => this.log.info(`gemini goAway${left ? ` (${left} left)` : ""}`),
      onReconnecting: (reason) => this.send(rtvi("server-message", { type: "session-reconnecting", reason })),
      onResumed: (info) => {
        this.log.info(`gemini session resumed (#${info.count}, mic held ${Math.round(info.heldMs)} ms, lost ${Math.round(info.droppedAudioMs)} ms)`);
        this.send(rtvi("server-message", { type: "session-resumed" }));
      },
      onClosed: (reason) => {
        // Whatever was said so far reaches the transcript before the error does.
        this.transcript.flushUser();
        this.transcript.interruptBot();
        this.fail(reason);
      },
    });
    this.video = new CallVideo({ send: (jpeg) => this.gemini.sendVideo(jpeg), metrics: opts.metrics, logger: this.log });
    this.geminiReady = this.gemini.connect().then(
      () => true,
      (e: unknown) => {
        this.fail(e instanceof Error ? e.message : "Gemini Live connection failed");
        return false;
      },
    );
  }

  get isEnded(): boolean {
    return this.ended;
  }

  get currentPeer(): CallPeer | null {
    return this.peer;
  }

  /** Adopt a (new or restarted) peer; the old one, if any, is closed. */
  attachPeer(peer: CallPeer): void {
    const old = this.peer;
    this.peer = peer;
    if (old && old !== peer) {
      this.channel = null;
      old.close();
    }
    peer.attach({
      onDataChannel: (ch) => this.attachChannel(ch),
      onRtp: (payload, at) => this.onRtp(payload, at),
      onVideoRtp: (mid, codec, rtp, pli) => this.video.onRtp(mid, codec, rtp, pli),
      onClosed: (reason) => {
        if (this.peer === peer) this.end(reason);
      },
    });
  }

  private attachChannel(ch: CallChannel): void {
    if (ch.label !== "chat") return;
    this.channel = ch;
    ch.onMessage.subscribe((data) => this.onChannelMessage(data));
    // The client closes its channel when it hangs up; the peer itself may take ~30 s to notice.
    ch.stateChanged.subscribe((state) => {
      if (state === "closed" && this.channel === ch) this.end("client closed the data channel");
      if (state === "open") this.live = true;
      if (state === "open" && this.pendingFatal) this.fail(this.pendingFatal.reason);
    });
    if (ch.readyState === "open") this.live = true;
    if (this.pendingFatal && ch.readyState === "open") this.fail(this.pendingFatal.reason);
  }

  private send(m: RtviMessage | ReturnType<typeof signalling>): void {
    const ch = this.channel;
    if (this.ended || !ch || ch.readyState !== "open") return;
    try {
      ch.send(JSON.stringify(m));
    } catch (e) {
      this.log.debug("data channel send failed", e);
    }
  }

  private onChannelMessage(data: string | Buffer): void {
    this.lastActivity = Date.now();
    const msg = parseInbound(data);
    if (msg.kind === "ping" || msg.kind === "invalid") return;
    if (msg.kind === "signalling") {
      if (msg.message.type === "trackStatus" && msg.message.receiver_index === 0) this.setMic(msg.message.enabled !== false);
      else if (msg.message.type === "trackStatus") this.video.setEnabled(Number(msg.message.receiver_index), msg.message.enabled !== false);
      return;
    }
    const { type, id, data: body } = msg;
    switch (type) {
      case "client-ready":
        void this.geminiReady.then((ok) => {
          if (ok) this.send(rtvi("bot-ready", { version: RTVI_VERSION, about: this.about() }, id));
        });
        return;
      case "send-text": {
        const st = readSendText(body);
        if (!st) return this.send(rtvi("error-response", { error: "send-text needs data.content", fatal: false }, id));
        this.send(rtvi("user-llm-text", { text: st.content }));
        this.turnMetrics.userDone();
        // Gemini Live answers in audio only; audio_response=false cannot be honoured and is ignored.
        this.gemini.sendText(st.content, st.runImmediately);
        return;
      }
      case "client-message": {
        const cm = readClientMessage(body);
        if (!cm) return this.send(rtvi("error-response", { error: "client-message needs data.t", fatal: false }, id));
        const d = cm.t === "status" ? { mode: this.opts.mode, call_id: this.id, video: this.video.stats } : { echo: cm.d ?? null };
        return this.send(rtvi("server-response", { t: cm.t, d }, id));
      }
      case "disconnect-bot":
        this.send(signalling("peerLeft"));
        this.end("client asked the bot to leave");
        return;
      default:
        if (id) this.send(rtvi("error-response", { error: `Unsupported message type: ${type.slice(0, 64)}`, fatal: false }, id));
    }
  }

  private about(): Record<string, string> {
    return { library: "rtvi-react-kit-example", library_version: "0.1.0", platform: "node", platform_version: process.version, mode: this.opts.mode };
  }

  private setMic(enabled: boolean): void {
    if (this.micEnabled === enabled) return;
    this.micEnabled = enabled;
    if (!enabled && this.vad.speaking) {
      this.vad.reset();
      this.send(rtvi("user-stopped-speaking"));
    }
    if (!enabled) this.gemini.endAudioStream();
  }

  private onRtp(payload: Buffer, receivedAt: number): void {
    this.lastActivity = Date.now();
    if (!this.micEnabled || this.ended) return;
    const pcm = this.codec.decode(payload);
    if (!pcm || pcm.length === 0) return;
    const ev = this.vad.push(int16ToFloat(pcm), (pcm.length / INPUT_RATE) * 1000);
    if (ev?.type === "start") this.send(rtvi("user-started-speaking"));
    if (ev?.type === "stop") {
      this.send(rtvi("user-stopped-speaking"));
      this.turnMetrics.userDone();
    }
    if (!this.gemini.isOpen) return;
    this.gemini.sendAudio(pcm);
    this.opts.metrics.inLatency(performance.now() - receivedAt);
  }

  private startBotTurn(): void {
    if (this.botTurn) return;
    this.botTurn = true;
    this.transcript.flushUser();
    this.send(rtvi("bot-llm-started"));
    this.send(rtvi("bot-tts-started"));
    this.turnMetrics.botStarted();
  }

  private endBotTurn(): void {
    if (!this.botTurn) return;
    this.botTurn = false;
    this.send(rtvi("bot-llm-stopped"));
    this.send(rtvi("bot-tts-stopped"));
  }

  /** The model side failed: tell the caller (fatal) and release everything. */
  private fail(reason: string): void {
    if (this.ended) return;
    if (this.channel?.readyState !== "open") {
      // Gemini failed before the caller could hear about it: tell them once the channel opens.
      this.pendingFatal ??= { reason, timer: setTimeout(() => this.end(reason), 15_000) };
      return;
    }
    this.send(rtvi("error", { error: reason, fatal: true }));
    this.end(reason);
  }

  end(reason: string): void {
    if (this.ended) return;
    // Let queued data-channel messages (error, peerLeft) leave before the peer goes.
    const peer = this.peer;
    this.ended = true;
    if (this.pendingFatal) clearTimeout(this.pendingFatal.timer);
    this.pendingFatal = null;
    this.out.close();
    if (this.vad instanceof FvadVad) this.vad.free();
    this.functions.close();
    this.video.close();
    this.gemini.close();
    this.codec.close();
    this.channel = null;
    this.peer = null;
    if (peer) {
      const t = setTimeout(() => peer.close(), 150);
      t.unref();
    }
    this.log.info(`call ended: ${reason}`);
    this.opts.onEnded(this, reason);
  }
}
