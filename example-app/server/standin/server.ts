import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { EnergyVad } from "../audio/vad.js";
import { bytesToInt16, int16ToFloat } from "../audio/resampler.js";
import { INPUT_RATE, isRecord, parseFrame, pcmMime, type ServerMessage } from "../gemini/protocol.js";
import type { Logger } from "../logger.js";
import { Synth, type Speech, type SynthEngine } from "./synth.js";

export interface StandInOptions {
  host?: string;
  port?: number;
  logger: Logger;
  engine?: SynthEngine;
  /** How far ahead of real time audio is streamed, like the real service. */
  leadMs?: number;
  chunkMs?: number;
  /** Most chunks one pump sends: the lead builds up over a few pumps instead of in one burst. */
  maxBurst?: number;
}

export interface StandIn {
  /** ws:// URL to hand the bridge in place of Google's endpoint. */
  url: string;
  connections(): number;
  engine: Speech["engine"];
  close(): Promise<void>;
}

const FRAME = INPUT_RATE / 50;

/**
 * A local Gemini Live look-alike on a real WebSocket, so the bridge runs the same code path offline.
 * It cannot understand speech: it reports how much it heard and says so out loud.
 */
export async function startStandIn(opts: StandInOptions): Promise<StandIn> {
  const synth = new Synth(24000, opts.engine ?? "auto");
  const http: Server = createServer((_req, res) => {
    res.writeHead(426, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "WebSocket only" }));
  });
  const wss = new WebSocketServer({ server: http, maxPayload: 1 << 20 });
  const live = new Set<WebSocket>();
  wss.on("connection", (ws) => {
    live.add(ws);
    const conn = new StandInConnection(ws, synth, opts);
    ws.on("close", () => {
      live.delete(ws);
      conn.dispose();
    });
  });
  await new Promise<void>((resolve) => http.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://${opts.host ?? "127.0.0.1"}:${port}/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent`,
    connections: () => live.size,
    engine: synth.engine,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of live) ws.terminate();
        wss.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

interface Answer {
  cancelled: boolean;
  timer: NodeJS.Timeout | null;
  /** When the listener will have heard the whole answer (for barge-in decisions). */
  playEnd: number;
}

class StandInConnection {
  private setupDone = false;
  private readonly vad = new EnergyVad({ hangoverMs: 600 });
  private pending = new Int16Array(0);
  private answer: Answer | null = null;
  private disposed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly synth: Synth,
    private readonly opts: StandInOptions,
  ) {
    ws.on("message", (data) => this.onMessage(parseFrame(data)));
  }

  private send(msg: ServerMessage): void {
    // Binary frames, as the real service sends them.
    if (!this.disposed && this.ws.readyState === this.ws.OPEN) this.ws.send(Buffer.from(JSON.stringify(msg)));
  }

  private onMessage(msg: Record<string, unknown> | null): void {
    if (!msg) return;
    if (!this.setupDone) {
      if (!isRecord(msg.setup) || typeof msg.setup.model !== "string") {
        this.ws.close(1007, "first message must be setup");
        return;
      }
      this.setupDone = true;
      this.send({ setupComplete: {} });
      return;
    }
    if (isRecord(msg.realtimeInput)) {
      const ri = msg.realtimeInput;
      const chunks = [ri.audio, ...(Array.isArray(ri.mediaChunks) ? ri.mediaChunks : [])];
      for (const c of chunks) if (isRecord(c) && typeof c.data === "string") this.onAudio(Buffer.from(c.data, "base64"));
      if (ri.audioStreamEnd === true && this.vad.speaking) this.onSpeechEnd(0);
    }
    if (isRecord(msg.clientContent)) {
      const turns = Array.isArray(msg.clientContent.turns) ? msg.clientContent.turns : [];
      const text = turns
        .flatMap((t: unknown) => (isRecord(t) && Array.isArray(t.parts) ? t.parts : []))
        .map((p: unknown) => (isRecord(p) && typeof p.text === "string" ? p.text : ""))
        .join(" ")
        .trim();
      if (text) {
        this.interrupt();
        void this.say(`You typed: ${text}`);
      }
    }
  }

  private onAudio(bytes: Buffer): void {
    const n = bytes.length >> 1;
    const merged = new Int16Array(this.pending.length + n);
    merged.set(this.pending);
    bytesToInt16(bytes, merged, this.pending.length);
    let off = 0;
    for (; off + FRAME <= merged.length; off += FRAME) {
      const ev = this.vad.push(int16ToFloat(merged.subarray(off, off + FRAME)), 20);
      if (ev?.type === "start") this.interrupt();
      if (ev?.type === "stop") this.onSpeechEnd(ev.speechMs);
    }
    this.pending = merged.slice(off);
  }

  private onSpeechEnd(speechMs: number): void {
    if (speechMs < 200) return;
    const secs = (speechMs / 1000).toFixed(1);
    this.send({ serverContent: { inputTranscription: { text: `[speech, ${secs} s]` } } });
    void this.say(`I heard about ${secs} seconds of speech. I am the offline demo bot.`);
  }

  /** Barge-in: only if the listener is still hearing (or about to hear) an answer. */
  private interrupt(): void {
    const a = this.answer;
    if (!a) return;
    this.cancel(a);
    if (performance.now() < a.playEnd) this.send({ serverContent: { interrupted: true } });
  }

  private cancel(a: Answer): void {
    a.cancelled = true;
    if (a.timer) clearTimeout(a.timer);
    a.timer = null;
    if (this.answer === a) this.answer = null;
  }

  private async say(text: string): Promise<void> {
    // One answer at a time: a new one (speech ending while a typed answer plays) replaces the
    // old, which is interrupted like any barge-in rather than left talking over it.
    this.interrupt();
    const answer: Answer = { cancelled: false, timer: null, playEnd: Infinity };
    this.answer = answer;
    const speech = await this.synth.speak(text);
    if (answer.cancelled || this.disposed) return;
    const chunk = Math.round((speech.rate * (this.opts.chunkMs ?? 100)) / 1000);
    const lead = this.opts.leadMs ?? 600;
    const burst = this.opts.maxBurst ?? 2;
    const start = performance.now();
    answer.playEnd = start + (speech.pcm.length / speech.rate) * 1000;
    let sent = 0;
    let word = 0;
    const pump = (): void => {
      answer.timer = null;
      if (answer.cancelled || this.disposed) return;
      const playedMs = performance.now() - start;
      // Like the real service: faster than real time until `lead` is buffered, but a couple of chunks
      // at a time. Sending the whole 600 ms lead at once, for every call answering at that moment,
      // was one of the bursts that stalled the shared event loop.
      for (let n = 0; n < burst && sent < speech.pcm.length && (sent / speech.rate) * 1000 < playedMs + lead; n++) {
        const part = speech.pcm.subarray(sent, Math.min(speech.pcm.length, sent + chunk));
        const data = Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString("base64");
        this.send({ serverContent: { modelTurn: { parts: [{ inlineData: { mimeType: pcmMime(speech.rate), data } }] } } });
        sent += part.length;
        let words = "";
        while (word < speech.words.length && speech.words[word]!.at < sent) words += speech.words[word++]!.text + " ";
        if (words) this.send({ serverContent: { outputTranscription: { text: words } } });
      }
      if (sent >= speech.pcm.length) {
        this.send({ serverContent: { generationComplete: true } });
        this.send({ serverContent: { turnComplete: true } });
        // Stay interruptible until the listener has heard it all.
        answer.timer = setTimeout(() => this.cancel(answer), Math.max(0, answer.playEnd - performance.now()));
        return;
      }
      answer.timer = setTimeout(pump, 40);
    };
    pump();
  }

  dispose(): void {
    this.disposed = true;
    if (this.answer) this.cancel(this.answer);
  }
}
