import type { FvadModule } from "@echogarden/fvad-wasm";
import { int16ToFloat } from "../audio/resampler.js";
import { FvadVad } from "../speech/fvad.js";
import { createConversation, phraseToolResult, respond, type Conversation, type Reply, type SayReply, type ToolReply } from "../speech/responder.js";
import type { Lease, RecogniserPool } from "./recognisers.js";

/** Shared by every connection of one stand-in. */
export interface OfflineBotDeps {
  vad: FvadModule;
  /** null: no recogniser on this machine; speech is timed, not understood. */
  pool: RecogniserPool | null;
}

export interface OfflineBotEvents {
  /** The user started talking: barge-in. */
  onSpeechStart(): void;
  /** Interim words of the utterance in progress (the whole hypothesis so far). */
  onInterim(text: string): void;
  /**
   * The utterance is over. `text` is what was recognised ("" when no words came out, or with no
   * recogniser); `speechMs` is how long the VAD heard speech.
   */
  onUtterance(text: string, speechMs: number): void;
}

const INPUT_RATE = 16000;
/** Audio kept from before the VAD's start decision, so the first syllable reaches the recogniser. */
const PRE_ROLL_MS = 300;
/** Shorter sounds (a cough, a click) are not turns, as with the energy VAD before. */
export const MIN_UTTERANCE_MS = 200;

/**
 * The offline bot's ears and memory for one conversation: WebRTC VAD over the caller's audio, a
 * pooled recogniser fed only inside utterances, and the responder's conversation state.
 * Stateless about the wire: the stand-in connection turns its events into Gemini Live messages.
 * New intents (e.g. answers about camera frames) belong in `answer`, before the responder.
 */
export class OfflineBot {
  private readonly vad: FvadVad;
  private preRoll: Int16Array[] = [];
  private lease: Lease | null = null;
  private utterances = 0;
  private disposed = false;

  constructor(
    private readonly deps: OfflineBotDeps,
    /** Survives resumption: the stand-in keeps it with the conversation a handle restores. */
    readonly conversation: Conversation,
    private readonly events: OfflineBotEvents,
  ) {
    // Mode 3 and 500 ms hangover: see the figures in call.ts (fvad vs energy VAD in noise).
    this.vad = new FvadVad(deps.vad, { mode: 3, sampleRate: INPUT_RATE, startMs: 60, hangoverMs: 500 });
    deps.pool?.warm();
  }

  static conversation(): Conversation {
    return createConversation();
  }

  get understands(): boolean {
    return this.deps.pool !== null;
  }

  get speaking(): boolean {
    return this.vad.speaking;
  }

  /** One 20 ms frame of 16 kHz PCM from the caller. */
  audio(frame: Int16Array): void {
    if (this.disposed) return;
    const ev = this.vad.push(int16ToFloat(frame));
    if (ev?.type === "start") {
      this.startUtterance();
      for (const f of this.preRoll) this.lease?.write(f);
      this.preRoll = [];
    }
    if (this.vad.speaking || ev?.type === "stop") this.lease?.write(frame);
    else {
      this.preRoll.push(frame.slice());
      if (this.preRoll.length > PRE_ROLL_MS / 20) this.preRoll.shift();
    }
    if (ev?.type === "stop") void this.endUtterance(ev.speechMs);
  }

  /** audioStreamEnd (the mic was muted): the utterance in progress is over now. */
  streamEnd(speechMs: number): void {
    if (!this.vad.speaking) return;
    this.vad.reset();
    void this.endUtterance(speechMs);
  }

  private startUtterance(): void {
    this.lease?.abort();
    const n = ++this.utterances;
    let last = "";
    this.lease = this.deps.pool?.lease((text) => {
      const t = text.trim();
      if (n !== this.utterances || !t || t === last) return;
      last = t;
      this.events.onInterim(t);
    }) ?? null;
    this.events.onSpeechStart();
  }

  private async endUtterance(speechMs: number): Promise<void> {
    const lease = this.lease;
    this.lease = null;
    const n = this.utterances;
    if (speechMs < MIN_UTTERANCE_MS) return lease?.abort();
    const final = lease ? await lease.end() : null;
    // A newer utterance started while this one was decoded: it answers instead.
    if (this.disposed || n !== this.utterances) return;
    this.events.onUtterance(final?.text ?? "", speechMs);
  }

  /**
   * A typed turn came: the utterance being decoded (often the end of what the mic heard before
   * it was muted to type) is dropped, so its answer does not talk over the typed one.
   */
  dropUtterance(): void {
    this.lease?.abort();
    this.lease = null;
    this.utterances++;
  }

  /** The bot's answer to a user turn (spoken words, or typed text in any language). */
  answer(text: string, source: "speech" | "typed"): Reply {
    return respond(this.conversation, { text, source });
  }

  /** The spoken answer once the function call of a {@link ToolReply} came back. */
  toolResult(request: ToolReply, result: Record<string, unknown>): SayReply {
    return phraseToolResult(this.conversation, request, result);
  }

  dispose(): void {
    this.disposed = true;
    this.lease?.abort();
    this.lease = null;
    this.vad.free();
  }
}
