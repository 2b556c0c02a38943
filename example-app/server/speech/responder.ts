import { classifyChinese, replyChinese } from "./responder-zh.js";

/** What the offline demo bot understood a turn as. */
export type Intent =
  | "greeting"
  | "time"
  | "date"
  | "joke"
  | "identity"
  | "abilities"
  | "recall"
  | "weather"
  | "goodbye"
  | "thanks"
  | "repeat"
  | "unknown"
  | "empty";

/** Language of a reply, and the espeak-ng voice that speaks it. */
export type ReplyLang = "en" | "zh" | "ja";
const VOICES: Record<ReplyLang, string> = { en: "en-us", zh: "cmn", ja: "ja" };

/** A reply to speak (and show as the bot's transcript). */
export interface SayReply {
  kind: "say";
  intent: Intent;
  text: string;
  lang: ReplyLang;
  /** espeak-ng voice (`espeak-ng -v <voice>`). */
  voice: string;
}

/**
 * The answer needs a function call first (so a tool call shows in the client, as with Gemini):
 * the caller runs `name` with `args`, then passes the result to {@link phraseToolResult}.
 */
export interface ToolReply {
  kind: "tool";
  intent: "time";
  name: "get_current_time";
  args: Record<string, never>;
  lang: ReplyLang;
  voice: string;
}

export type Reply = SayReply | ToolReply;

/** One call's memory: what was said, and which joke comes next. */
export interface Conversation {
  turns: { role: "user" | "bot"; text: string }[];
  jokes: number;
}

export function createConversation(): Conversation {
  return { turns: [], jokes: 0 };
}

export interface TurnInput {
  text: string;
  /** Spoken turns come from the English recogniser; typed ones may be in any language. */
  source: "speech" | "typed";
  /** The clock and zone for the date (tests pin them). */
  now?: Date;
  timeZone?: string;
}

export const JOKES: readonly string[] = [
  "Why do programmers prefer dark mode? Because light attracts bugs.",
  "I would tell you a joke about UDP, but you might not get it.",
  "There are 10 kinds of people: those who understand binary and those who don't.",
  "Why did the computer go to the doctor? It had a virus.",
];

const ABILITIES =
  "I'm the offline demo bot, so I only understand a few things: hello, the time, the date, a joke, who I am, " +
  "repeat after me, what did I just say, and goodbye. With a Gemini key you get the real model.";

/** Lower case, contractions opened, punctuation dropped: the form the rules below match. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\bwhat's\b/g, "what is")
    .replace(/\bwho's\b/g, "who is")
    .replace(/\bit's\b/g, "it is")
    .replace(/\btoday's\b/g, "today")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const RULES: [Intent, RegExp][] = [
  ["recall", /\bwhat did i (just |last )?say\b|\bwhat was i saying\b|\bwhat did i tell you\b/],
  ["time", /\bwhat time\b|\b(the|current) time\b|\bwhat hour\b/],
  ["date", /\bdate\b|\bwhat day\b|\bwhich day\b|\bday is (it|today)\b/],
  ["weather", /\bweather\b|\brain(ing|y)?\b|\bsunny\b|\bsnow(ing)?\b|\btemperature\b|\bforecast\b|\b(cold|hot|warm) outside\b/],
  ["joke", /\bjoke\b|\bfunny\b|\blaugh\b/],
  ["identity", /\bwho are you\b|\byour name\b|\bwhat are you\b|\bare you (a|an) (robot|bot|human|ai)\b/],
  ["abilities", /\bwhat can you do\b|\bhelp\b|\bwhat can i (ask|say)\b|\bwhat do you (know|understand)\b/],
  ["goodbye", /\bgood ?bye\b|\bbye\b|\bsee you\b|\bthat is all\b|\bi have to go\b/],
  ["thanks", /\bthank(s| you)\b/],
  ["greeting", /\bhello\b|\bhi\b|\bhey\b|\bgood (morning|afternoon|evening)\b|\bhow are you\b|\bnice to meet you\b/],
];

const REPEAT = /^(?:(?:okay|so|please|now) )*(?:repeat after me|say after me|repeat this|repeat)\b ?(.*)$/;

/** The intent of an English utterance, and for "repeat after me …" the words to repeat. */
export function classify(text: string): { intent: Intent; rest?: string } {
  const t = normalise(text);
  if (!t) return { intent: "empty" };
  const rep = REPEAT.exec(t);
  if (rep) return { intent: "repeat", rest: rep[1] ?? "" };
  for (const [intent, re] of RULES) if (re.test(t)) return { intent };
  return { intent: "unknown" };
}

/** Which language typed text is in, as far as the demo cares. */
export function detectLang(text: string): ReplyLang | "other" {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return "ja";
  if (/\p{Script=Han}/u.test(text)) return "zh";
  // Mostly Latin letters counts as English: the rules then decide whether it was understood.
  const letters = text.match(/\p{L}/gu) ?? [];
  const latin = text.match(/[a-zA-Z]/g) ?? [];
  return letters.length === 0 || latin.length / letters.length > 0.8 ? "en" : "other";
}

/** The date, spelled for speech, in the given zone. */
export function spokenDate(now: Date, lang: ReplyLang, timeZone?: string): string {
  const locale = lang === "zh" ? "zh-CN" : lang === "ja" ? "ja-JP" : "en-US";
  return new Intl.DateTimeFormat(locale, { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone }).format(now);
}

function say(intent: Intent, text: string, lang: ReplyLang = "en"): SayReply {
  return { kind: "say", intent, text, lang, voice: VOICES[lang] };
}

function previousUserTurn(conv: Conversation): string | undefined {
  // The last entry is the question itself.
  const users = conv.turns.filter((t) => t.role === "user");
  return users.length >= 2 ? users[users.length - 2]?.text : undefined;
}

function replyEnglish(conv: Conversation, input: TurnInput, heard: string): Reply {
  const { intent, rest } = classify(heard);
  switch (intent) {
    case "empty":
      return say(intent, "I heard something, but I could not make out any words. Could you say that again?");
    case "greeting":
      return say(intent, "Hello! I'm the offline demo bot. Ask me the time, the date, or for a joke.");
    case "time":
      return { kind: "tool", intent, name: "get_current_time", args: {}, lang: "en", voice: VOICES.en };
    case "date":
      return say(intent, `Today is ${spokenDate(input.now ?? new Date(), "en", input.timeZone)}.`);
    case "joke":
      return say(intent, JOKES[conv.jokes++ % JOKES.length] ?? "");
    case "identity":
      return say(intent, "I'm the offline demo bot of this example: a small local recogniser, a few fixed answers and espeak for a voice. No AI model is involved.");
    case "abilities":
      return say(intent, ABILITIES);
    case "recall": {
      const before = previousUserTurn(conv);
      return say(intent, before ? `You said: ${before}` : "You haven't said anything before that.");
    }
    case "weather":
      return say(intent, "I can't look that up offline. With a Gemini key, the real model can search for the weather.");
    case "goodbye":
      return say(intent, "Goodbye! Thanks for trying the demo.");
    case "thanks":
      return say(intent, "You're welcome.");
    case "repeat":
      return say(intent, rest ? rest : "Say repeat after me, and then the words you want me to say.");
    case "unknown":
      return say(intent, `${input.source === "typed" ? "You typed" : "I heard"}: ${heard}. ${ABILITIES}`);
  }
}

/**
 * The bot's answer to one turn. Records the turn (and a spoken answer) in `conv`; for a
 * {@link ToolReply}, the answer is recorded by {@link phraseToolResult}.
 */
export function respond(conv: Conversation, input: TurnInput): Reply {
  const heard = input.text.trim();
  conv.turns.push({ role: "user", text: heard });
  const lang = input.source === "typed" ? detectLang(heard) : "en";
  let reply: Reply;
  if (lang === "zh" || lang === "ja") {
    const zh = replyChinese(classifyChinese(heard), heard, lang, {
      joke: () => JOKES[conv.jokes++ % JOKES.length] ?? "",
      before: () => previousUserTurn(conv),
      date: () => spokenDate(input.now ?? new Date(), lang, input.timeZone),
    });
    reply = zh.kind === "tool" ? { ...zh, voice: VOICES[lang] } : say(zh.intent, zh.text, lang);
  } else if (lang === "other") {
    reply = say("unknown", `You wrote: ${heard}. The offline demo bot only understands English, and Chinese when typed. ${ABILITIES}`);
  } else {
    reply = replyEnglish(conv, input, heard);
  }
  if (reply.kind === "say") conv.turns.push({ role: "bot", text: reply.text });
  return reply;
}

/** Turns the get_current_time result ({ result: ISO time, time_zone }) into the spoken answer. */
export function phraseToolResult(conv: Conversation, request: ToolReply, result: Record<string, unknown>): SayReply {
  const when = new Date(String(result.result ?? ""));
  const zone = typeof result.time_zone === "string" ? result.time_zone : undefined;
  let text: string;
  if (Number.isNaN(when.getTime())) text = request.lang === "en" ? "The clock tool did not answer, sorry." : "时钟工具没有回答，抱歉。";
  else if (request.lang === "en") {
    const t = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: zone }).format(when);
    text = `It's ${t}${zone ? ` in ${zone.replace(/_/g, " ")}` : ""}.`;
  } else {
    const t = new Intl.DateTimeFormat(request.lang === "zh" ? "zh-CN" : "ja-JP", { hour: "numeric", minute: "2-digit", timeZone: zone }).format(when);
    text = request.lang === "zh" ? `现在是${t}。` : `今は${t}です。`;
  }
  conv.turns.push({ role: "bot", text });
  return say("time", text, request.lang);
}
