import type { Script, ScriptEvent } from "rtvi-react-kit/testing";

/** Options of {@link ScriptBuilder.bot}. */
export interface BotTurnOptions {
  /** Script ms between spoken words. Default 180. */
  wordMs?: number;
  /** Stop speaking after this many words: the user barges in and the bot is interrupted. */
  interruptAfter?: number;
  /** Words the user says when barging in (with `interruptAfter`). */
  bargeIn?: string;
  /** Script ms from the user's end of speech to the bot's first audio. Default 600. */
  latencyMs?: number;
  /** End the script after this many spoken words, the bot still speaking (for stills). */
  holdAfter?: number;
}

/**
 * Writes RTVI 2.x sessions in the shared fixtures' format, reading like the conversation:
 * `new ScriptBuilder().user("Hi").bot("Hello there.").build("greeting")`. Bot turns stream
 * LLM tokens first and then speak word by word (`bot-tts-text`), so the transcript shows the
 * karaoke tail, and bot levels move while it speaks.
 */
export class ScriptBuilder {
  private readonly events: ScriptEvent[] = [];
  private t = 0;

  constructor(options: { ready?: boolean } = {}) {
    if (options.ready !== false) this.message("bot-ready", { version: "2.1.0", about: { library: "pipecat-ai" } });
  }

  /** Moves the script clock on by `ms`. */
  wait(ms: number): this {
    this.t += ms;
    return this;
  }

  /** One RTVI message at the current script time. */
  message(type: string, data?: unknown): this {
    this.events.push({ at: this.t, message: data === undefined ? { label: "rtvi-ai", type } : { label: "rtvi-ai", type, data } });
    return this;
  }

  level(source: "local" | "bot", value: number): this {
    this.events.push({ at: this.t, level: { source, value } });
    return this;
  }

  /** The user says `text`: speaking events, mic levels, interim transcripts word by word, then the final one. */
  user(text: string, options: { interim?: boolean } = {}): this {
    const words = text.split(/\s+/).filter(Boolean);
    this.wait(300).message("user-started-speaking");
    words.forEach((_, i) => {
      this.wait(140).level("local", 0.25 + 0.4 * wave(i));
      if (options.interim !== false) this.message("user-transcription", { text: words.slice(0, i + 1).join(" "), user_id: "", final: false });
    });
    this.wait(120).level("local", 0).message("user-stopped-speaking");
    return this.wait(80).message("user-transcription", { text, user_id: "", final: true });
  }

  /** The bot answers `text`: LLM tokens (the karaoke tail), then spoken words with bot levels. */
  bot(text: string, options: BotTurnOptions = {}): this {
    const { wordMs = 180, interruptAfter, bargeIn = "Sorry, wait.", latencyMs = 600, holdAfter } = options;
    const words = text.split(/\s+/).filter(Boolean);
    this.wait(Math.max(60, latencyMs - 160)).message("bot-llm-started");
    words.forEach((w, i) => this.wait(4).message("bot-llm-text", { text: i === 0 ? w : ` ${w}` }));
    this.message("bot-llm-stopped");
    this.wait(Math.max(0, 160 - words.length * 4)).message("bot-tts-started").message("bot-started-speaking");
    const spoken = Math.min(words.length, interruptAfter ?? holdAfter ?? words.length);
    for (let i = 0; i < spoken; i++) {
      this.message("bot-tts-text", { text: words[i] }).level("bot", 0.3 + 0.55 * wave(i));
      if (holdAfter !== undefined && i === spoken - 1) return this;
      this.wait(wordMs / 2).level("bot", 0.2 + 0.4 * wave(i + 3));
      this.wait(wordMs / 2);
    }
    if (interruptAfter !== undefined && interruptAfter < words.length) {
      this.message("user-started-speaking").wait(10).message("bot-interrupted").level("bot", 0);
      this.wait(10).message("bot-stopped-speaking").message("bot-tts-stopped");
      this.wait(500).message("user-stopped-speaking");
      return this.wait(80).message("user-transcription", { text: bargeIn, user_id: "", final: true });
    }
    return this.level("bot", 0).message("bot-tts-stopped").message("bot-stopped-speaking");
  }

  /** A tool call from start to result. */
  functionCall(name: string, args: unknown, result: unknown, id = `call_${this.events.length}`): this {
    this.wait(200).message("bot-llm-started").message("llm-function-call-started", { function_name: name });
    this.wait(30).message("llm-function-call-in-progress", { tool_call_id: id, function_name: name, arguments: args });
    this.wait(300).message("llm-function-call-stopped", { tool_call_id: id, function_name: name, cancelled: false, result });
    return this.message("bot-llm-stopped");
  }

  error(text: string, fatal: boolean): this {
    return this.wait(200).message("error", { error: text, fatal });
  }

  /** The script so far. */
  build(name: string): Script {
    return { name, events: this.events.slice() };
  }
}

// A deterministic wobble in 0..1 (no randomness: screenshots and tests stay stable).
function wave(i: number): number {
  return 0.5 + 0.5 * Math.sin(i * 2.399963);
}

const QUESTIONS = [
  "What's the weather like on Mars?",
  "How long does a day last there?",
  "Could people breathe the air?",
  "What would we need to build a base?",
  "Which rover found water ice?",
];
const ANSWERS = [
  "Cold and dusty: about minus sixty degrees on average, with storms that can cover the whole planet.",
  "A Martian day, a sol, lasts twenty four hours and thirty nine minutes.",
  "No. The air is thin and almost all carbon dioxide, so you would need a pressure suit.",
  "Shelter from radiation, a way to make oxygen and water, and a lot of power.",
  "Phoenix dug up water ice near the north pole in two thousand eight.",
];

/** A short conversation about Mars: `turns` exchanges, ending with the bot's answer. */
export function conversation(turns: number, builder = new ScriptBuilder(), options: BotTurnOptions = {}): ScriptBuilder {
  for (let i = 0; i < turns; i++) {
    builder.user(QUESTIONS[i % QUESTIONS.length] as string).bot(ANSWERS[i % ANSWERS.length] as string, options);
  }
  return builder;
}

/**
 * A history of `turns` turns (user and bot alternating) delivered as fast as possible:
 * final transcripts and single TTS sentences, no levels.
 */
export function longHistory(turns: number): Script {
  const b = new ScriptBuilder();
  for (let i = 0; i < turns; i++) {
    const n = i + 1;
    if (i % 2 === 0) {
      b.wait(10).message("user-started-speaking").message("user-stopped-speaking");
      b.message("user-transcription", { text: `Question ${n}: ${QUESTIONS[(i / 2) % QUESTIONS.length]}`, user_id: "", final: true });
    } else {
      b.wait(10).message("bot-started-speaking").message("bot-tts-text", { text: `Answer ${n}: ${ANSWERS[((i - 1) / 2) % ANSWERS.length]}` });
      b.message("bot-stopped-speaking");
    }
  }
  return b.build(`history-${turns}`);
}

/** The bot replies to typed text, for `ScriptedTransportOptions.onSendText`. */
export function echoReply(text: string): ScriptEvent[] {
  return new ScriptBuilder({ ready: false }).bot(`You said: ${text}`, { latencyMs: 300, wordMs: 60 }).build("reply").events;
}

/** A paused-forever opening: only the handshake, so components sit connected and idle. */
export const IDLE: Script = new ScriptBuilder().build("idle");
