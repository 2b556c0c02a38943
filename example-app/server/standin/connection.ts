import type { WebSocket } from "ws";
import { EnergyVad } from "../audio/vad.js";
import { bytesToInt16, int16ToFloat } from "../audio/resampler.js";
import { INPUT_RATE, isRecord, pcmMime, type ServerMessage } from "../gemini/protocol.js";
import { splitForSpeech } from "../speech/chunks.js";
import type { Reply, ToolReply } from "../speech/responder.js";
import { OfflineBot } from "./offlineBot.js";
import { StandInVision, WHAT_DO_YOU_SEE } from "./vision.js";
import { groundingFor } from "./grounding.js";
import { repliesFor, type Replies } from "./replies.js";
import type { Conversation, StandInContext } from "./server.js";
import { TONES_PREFIX, type Speech, type Synth } from "./synth.js";

const FRAME = INPUT_RATE / 50;
/** Google bills audio at 32 tokens a second; the stand-in's usage figures use the same rate. */
const AUDIO_TOKENS_PER_SEC = 32;

interface Answer {
  cancelled: boolean;
  timer: NodeJS.Timeout | null;
  /** When the listener will have heard the whole answer: turnComplete waits for it, like the service. */
  playEnd: number;
  generated: boolean;
  promptTokens: number;
}

/** Words that make the stand-in call a declared tool (it understands typed text, not speech). */
const TOOL_TRIGGERS: [RegExp, RegExp][] = [
  [/\b(time|clock)\b|几点|时间|時間/i, /time/],
  [/\b(dice|die|roll)\b|骰子|サイコロ/i, /dice/],
  [/\b(slow|lookup|research)\b/i, /slow/],
];

/** One socket after a valid setup: the service's behaviour, as far as a machine without a model can. */
export class StandInConnection {
  private readonly vad = new EnergyVad({ hangoverMs: 600 });
  private pending = new Int16Array(0);
  private answer: Answer | null = null;
  private typed: string[] = [];
  /** With `request`, the offline bot asked for it and phrases the result itself. */
  private toolCall: { id: string; name: string; request?: ToolReply } | null = null;
  /** The understanding offline bot (STANDIN_UNDERSTAND); null keeps the timing-only stand-in. */
  private readonly bot: OfflineBot | null;
  private readonly vision = new StandInVision();
  private disposed = false;
  private readonly replies: Replies;
  private readonly tools: string[];
  private readonly search: boolean;
  private heardSamples = 0;

  constructor(
    private readonly ws: WebSocket,
    private readonly synth: Synth,
    private readonly ctx: StandInContext,
    private readonly conv: Conversation,
    private readonly setup: Record<string, unknown>,
    private readonly resumable: boolean,
    readonly connId: number,
  ) {
    const speech = isRecord(setup.generationConfig) && isRecord(setup.generationConfig.speechConfig) ? setup.generationConfig.speechConfig : {};
    this.replies = repliesFor(typeof speech.languageCode === "string" ? speech.languageCode : undefined);
    const tools = Array.isArray(setup.tools) ? setup.tools.filter(isRecord) : [];
    this.tools = tools.flatMap((t) => (Array.isArray(t.functionDeclarations) ? t.functionDeclarations : [])).map((f: unknown) => (isRecord(f) ? String(f.name) : ""));
    this.search = tools.some((t) => isRecord(t.googleSearch));
    const offline = ctx.offline;
    this.bot = offline
      ? new OfflineBot(offline, (conv.bot ??= OfflineBot.conversation()), {
          onSpeechStart: () => {
            this.heardSamples = 0;
            this.interrupt();
          },
          // The service's low-latency transcript while the user talks (the bridge shows it as interim).
          onInterim: (text) => this.send({ serverContent: { interimInputTranscription: { text } } }),
          onUtterance: (text, ms) => this.onUtterance(text, ms),
        })
      : null;
  }

  send(msg: ServerMessage): void {
    // Binary frames, as the real service sends them.
    if (!this.disposed && this.ws.readyState === this.ws.OPEN) this.ws.send(Buffer.from(JSON.stringify(msg)));
  }

  /** A handle to resume the conversation as it stands now. */
  sendHandle(): void {
    if (this.resumable) this.send({ sessionResumptionUpdate: { newHandle: this.ctx.issueHandle(this.conv), resumable: true } });
  }

  onMessage(msg: Record<string, unknown>): void {
    if (isRecord(msg.realtimeInput)) {
      const ri = msg.realtimeInput;
      const chunks = [ri.audio, ...(Array.isArray(ri.mediaChunks) ? ri.mediaChunks : [])];
      for (const c of chunks) if (isRecord(c) && typeof c.data === "string") this.onAudio(Buffer.from(c.data, "base64"));
      if (isRecord(ri.video) && typeof ri.video.data === "string") this.vision.onPicture(Buffer.from(ri.video.data, "base64"));
      if (typeof ri.text === "string" && ri.text.trim()) this.onText(ri.text.trim());
      if (ri.audioStreamEnd === true && this.bot) this.bot.streamEnd(this.heardSamples / (INPUT_RATE / 1000));
      else if (ri.audioStreamEnd === true && this.vad.speaking) {
        this.vad.reset();
        this.onSpeechEnd(this.heardSamples / (INPUT_RATE / 1000));
      }
    }
    if (isRecord(msg.clientContent)) {
      const turns = Array.isArray(msg.clientContent.turns) ? msg.clientContent.turns : [];
      const text = turns
        .flatMap((t: unknown) => (isRecord(t) && Array.isArray(t.parts) ? t.parts : []))
        .map((p: unknown) => (isRecord(p) && typeof p.text === "string" ? p.text : ""))
        .join(" ")
        .trim();
      if (text) this.typed.push(text);
      // turnComplete false (or absent): more content follows; the model waits for the rest.
      if (msg.clientContent.turnComplete === true && this.typed.length) {
        const all = this.typed.join(" ");
        this.typed = [];
        this.onText(all);
      }
    }
    if (isRecord(msg.toolResponse) && Array.isArray(msg.toolResponse.functionResponses)) {
      for (const r of msg.toolResponse.functionResponses) {
        if (!isRecord(r) || !this.toolCall || r.id !== this.toolCall.id) continue;
        const { name, request } = this.toolCall;
        this.toolCall = null;
        const res = isRecord(r.response) ? r.response : {};
        if (request && this.bot) {
          this.reply(this.bot.toolResult(request, res), 0);
          continue;
        }
        const value = res.result ?? res.output ?? res;
        void this.say(this.replies.tool(name, typeof value === "string" ? value : JSON.stringify(value)), 0);
      }
    }
  }

  private onText(text: string): void {
    this.interrupt();
    this.conv.turns.push({ role: "user", text });
    const promptTokens = Math.ceil(text.length / 4);
    if (WHAT_DO_YOU_SEE.test(text)) return this.see(promptTokens);
    // The offline bot asks for the time itself (responder intents); the other demo tools stay on their words.
    for (const [words, tool] of this.bot ? TOOL_TRIGGERS.slice(1) : TOOL_TRIGGERS) {
      const name = words.test(text) ? this.tools.find((n) => tool.test(n)) : undefined;
      if (!name) continue;
      const id = `call-${this.connId}-${++this.ctx.counters.toolCalls}`;
      this.toolCall = { id, name };
      const args = /dice/.test(name) ? { sides: 6 } : {};
      this.send({ toolCall: { functionCalls: [{ id, name, args }] } });
      return;
    }
    if (this.bot) {
      this.bot.dropUtterance();
      return this.reply(this.bot.answer(text, "typed"), promptTokens);
    }
    if (this.search && /\b(search|news|weather)\b/i.test(text)) return void this.say(this.replies.search(text), promptTokens, { searched: text });
    void this.say(this.replies.typed(text, this.conv.answers + 1), promptTokens);
  }

  /** The offline bot's turn: what it recognised, or the timing-only answer without a recogniser. */
  private onUtterance(text: string, speechMs: number): void {
    if (!this.bot?.understands) return this.onSpeechEnd(speechMs);
    const heard = text || `[speech, ${(speechMs / 1000).toFixed(1)} s]`;
    this.send({ serverContent: { inputTranscription: { text: heard } } });
    this.conv.turns.push({ role: "user", text: heard });
    if (WHAT_DO_YOU_SEE.test(text)) return this.see(Math.round((speechMs / 1000) * AUDIO_TOKENS_PER_SEC));
    this.reply(this.bot.answer(text, "speech"), Math.round((speechMs / 1000) * AUDIO_TOKENS_PER_SEC));
  }

  /** "What do you see": an answer from the latest camera or screen picture. */
  private see(promptTokens: number): void {
    this.bot?.dropUtterance();
    // Gemini counts a picture as 258 prompt tokens; the stand-in's usage does the same.
    void this.vision.answer().then((text) => this.say(text, promptTokens + 258));
  }

  /** A responder reply on the wire: a function call first if it needs one, else speech in chunks. */
  private reply(r: Reply, promptTokens: number): void {
    if (r.kind === "say") return void this.say(splitForSpeech(r.text), promptTokens, { voice: r.voice });
    if (this.tools.includes(r.name)) {
      const id = `call-${this.connId}-${++this.ctx.counters.toolCalls}`;
      this.toolCall = { id, name: r.name, request: r };
      this.send({ toolCall: { functionCalls: [{ id, name: r.name, args: r.args }] } });
      return;
    }
    // No such tool declared by this client: the stand-in reads its own clock, as a model would say it.
    const result = { result: new Date().toISOString(), time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    this.reply(this.bot!.toolResult(r, result), promptTokens);
  }

  private onAudio(bytes: Buffer): void {
    const n = bytes.length >> 1;
    this.ctx.emit({ type: "audio", conversation: this.conv.id, conn: this.connId, samples: n, at: performance.now() });
    const merged = new Int16Array(this.pending.length + n);
    merged.set(this.pending);
    bytesToInt16(bytes, merged, this.pending.length);
    let off = 0;
    for (; off + FRAME <= merged.length; off += FRAME) {
      if (this.bot) {
        this.bot.audio(merged.subarray(off, off + FRAME));
        if (this.bot.speaking) this.heardSamples += FRAME;
        continue;
      }
      const ev = this.vad.push(int16ToFloat(merged.subarray(off, off + FRAME)), 20);
      if (this.vad.speaking) this.heardSamples += FRAME;
      if (ev?.type === "start") {
        this.heardSamples = FRAME;
        this.interrupt();
      }
      if (ev?.type === "stop") this.onSpeechEnd(ev.speechMs);
    }
    this.pending = merged.slice(off);
  }

  private onSpeechEnd(speechMs: number): void {
    if (speechMs < 200) return;
    const secs = (speechMs / 1000).toFixed(1);
    const heard = `[speech, ${secs} s]`;
    this.send({ serverContent: { inputTranscription: { text: heard } } });
    this.conv.turns.push({ role: "user", text: heard });
    void this.say(this.replies.heard(secs, this.conv.answers + 1), Math.round((speechMs / 1000) * AUDIO_TOKENS_PER_SEC));
  }

  /** Barge-in: interrupted, then turnComplete (never the other way round); a pending tool call is cancelled. */
  private interrupt(): void {
    if (this.toolCall) {
      this.send({ toolCallCancellation: { ids: [this.toolCall.id] } });
      this.toolCall = null;
    }
    const a = this.answer;
    if (!a) return;
    this.cancel(a);
    if (performance.now() < a.playEnd) {
      this.send({ serverContent: { interrupted: true } });
      this.endTurn(a, "interrupted");
    }
  }

  private cancel(a: Answer): void {
    a.cancelled = true;
    if (a.timer) clearTimeout(a.timer);
    a.timer = null;
    if (this.answer === a) this.answer = null;
  }

  private endTurn(a: Answer, how: "complete" | "interrupted", responseTokens = 0): void {
    this.send({ serverContent: { turnComplete: true } });
    const prompt = a.promptTokens;
    this.send({ usageMetadata: { promptTokenCount: prompt, responseTokenCount: responseTokens, totalTokenCount: prompt + responseTokens } });
    this.ctx.emit({ type: "turn", conversation: this.conv.id, conn: this.connId, how });
    this.sendHandle();
  }

  /**
   * Speaks `text` (or its pieces, in order). Each piece is voiced while the one before it plays and
   * streams with its own output transcription, so the first audio waits for one short phrase and a
   * barge-in leaves only the words already sent with audio.
   */
  private async say(text: string | string[], promptTokens: number, o: { searched?: string; voice?: string } = {}): Promise<void> {
    // One answer at a time: a new one replaces the old, which is interrupted like any barge-in.
    this.interrupt();
    const answer: Answer = { cancelled: false, timer: null, playEnd: Infinity, generated: false, promptTokens };
    this.answer = answer;
    // Mid-generation the service cannot hand out a handle: it says so.
    if (this.resumable) this.send({ sessionResumptionUpdate: { resumable: false } });
    this.conv.answers++;
    const pieces = (typeof text === "string" ? [text] : text).filter((t) => t.trim());
    if (!pieces.length) pieces.push("…");
    const voiced: Promise<Speech>[] = [];
    const voice = (i: number): Promise<Speech> => (voiced[i] ??= this.synth.speak(pieces[i]!, o.voice ?? this.replies.voice));
    let speech = await voice(0);
    if (answer.cancelled || this.disposed) return;
    const transcript: string[] = [];
    const rate = speech.rate;
    const chunk = Math.round((rate * (this.ctx.opts.chunkMs ?? 100)) / 1000);
    const lead = this.ctx.opts.leadMs ?? 600;
    const burst = this.ctx.opts.maxBurst ?? 2;
    let start = performance.now();
    let piece = 0;
    let before = 0; // samples of the pieces already sent
    let sent = 0;
    let word = 0;
    const begin = (s: Speech): void => {
      speech = s;
      sent = 0;
      // A toned answer says why once, not before every piece.
      word = piece > 0 && s.engine === "tones" ? TONES_PREFIX.split(" ").length : 0;
      transcript.push(s.transcript);
      if (piece + 1 < pieces.length) void voice(piece + 1);
      else answer.playEnd = start + ((before + s.pcm.length) / rate) * 1000;
    };
    begin(speech);
    this.conv.turns.push({ role: "model", text: pieces.length === 1 ? speech.transcript : pieces.join(" ") });
    const pump = (): void => {
      answer.timer = null;
      if (answer.cancelled || this.disposed) return;
      const playedMs = performance.now() - start;
      // Faster than real time until `lead` is buffered, a couple of chunks at a time: sending a whole
      // lead at once for every call answering at that moment stalled the shared event loop.
      for (let n = 0; n < burst && sent < speech.pcm.length && ((before + sent) / rate) * 1000 < playedMs + lead; n++) {
        const part = speech.pcm.subarray(sent, Math.min(speech.pcm.length, sent + chunk));
        const data = Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString("base64");
        this.send({ serverContent: { modelTurn: { parts: [{ inlineData: { mimeType: pcmMime(rate), data } }] } } });
        sent += part.length;
        let words = "";
        while (word < speech.words.length && speech.words[word]!.at < sent) words += speech.words[word++]!.text + " ";
        if (words) this.send({ serverContent: { outputTranscription: { text: words } } });
      }
      if (sent < speech.pcm.length) {
        answer.timer = setTimeout(pump, 40);
        return;
      }
      if (piece + 1 < pieces.length) {
        before += sent;
        piece++;
        void voice(piece).then((next) => {
          if (answer.cancelled || this.disposed) return;
          // Voicing fell behind playback: the listener heard a gap, so the clock restarts after it.
          const now = performance.now();
          if (start + (before / rate) * 1000 < now) start = now - (before / rate) * 1000;
          begin(next);
          pump();
        });
        return;
      }
      if (o.searched) this.send({ serverContent: { groundingMetadata: groundingFor(o.searched, transcript.join(" ")) } });
      answer.generated = true;
      this.send({ serverContent: { generationComplete: true } });
      // turnComplete once the listener has heard it all: until then a barge-in still interrupts.
      const tokens = Math.round(((before + sent) / rate) * AUDIO_TOKENS_PER_SEC);
      answer.timer = setTimeout(() => {
        if (answer.cancelled || this.disposed) return;
        this.cancel(answer);
        this.endTurn(answer, "complete", tokens);
      }, Math.max(0, answer.playEnd - performance.now()));
    };
    pump();
  }

  dispose(): void {
    this.disposed = true;
    this.bot?.dispose();
    if (this.answer) this.cancel(this.answer);
  }
}
