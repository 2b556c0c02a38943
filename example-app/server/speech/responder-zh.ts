import type { Intent } from "./responder.js";

// Typed Chinese (and, briefly, Japanese) turns: keyword rules, since there are no word breaks.
const RULES: [Intent, RegExp][] = [
  ["recall", /刚才说了什么|我说了什么|我刚才说|さっき何と言った|何と言いました/],
  ["time", /几点|时间|現在時刻|何時/],
  ["date", /日期|几号|星期几|今天是哪天|何日|日付|何曜日/],
  ["weather", /天气|下雨|天気|雨/],
  ["joke", /笑话|讲个笑话|冗談|ジョーク/],
  ["identity", /你是谁|你叫什么|你的名字|あなたは誰|名前/],
  ["abilities", /你能做什么|你会什么|帮助|何ができ|ヘルプ/],
  ["goodbye", /再见|拜拜|さようなら|またね/],
  ["thanks", /谢谢|ありがとう/],
  ["greeting", /你好|您好|嗨|早上好|晚上好|こんにちは|おはよう|こんばんは/],
];
const REPEAT = /^(?:请)?(?:跟我说|跟着我说|重复|复述)[:：,，\s]*(.*)$|^(?:繰り返して|真似して)[:：、\s]*(.*)$/;

export function classifyChinese(text: string): { intent: Intent; rest?: string } {
  const t = text.trim();
  if (!t) return { intent: "empty" };
  const rep = REPEAT.exec(t);
  if (rep) return { intent: "repeat", rest: (rep[1] ?? rep[2] ?? "").trim() };
  for (const [intent, re] of RULES) if (re.test(t)) return { intent };
  return { intent: "unknown" };
}

type Said = { kind: "say"; intent: Intent; text: string } | { kind: "tool"; intent: "time"; name: "get_current_time"; args: Record<string, never>; lang: "zh" | "ja" };

interface Helpers {
  joke(): string;
  before(): string | undefined;
  date(): string;
}

const ZH: Record<Exclude<Intent, "time" | "joke" | "recall" | "repeat" | "date">, (heard: string) => string> = {
  empty: () => "我没有收到文字。",
  greeting: () => "你好！我是离线演示机器人。可以问我时间、日期，或者让我讲个笑话。",
  identity: () => "我是这个示例的离线演示机器人：几条固定的回答，加上 espeak 的声音，没有人工智能模型。",
  abilities: () => "我是离线演示机器人，只懂几件事：问好、时间、日期、笑话、我是谁、跟我说……、我刚才说了什么、再见。",
  weather: () => "离线的时候我查不到天气。",
  goodbye: () => "再见！谢谢你试用这个演示。",
  thanks: () => "不客气。",
  unknown: (h) => `你写的是：${h}。我是离线演示机器人，只懂几件事：问好、时间、日期、笑话、跟我说……、再见。`,
};

const JA: Partial<Record<Intent, string>> = {
  greeting: "こんにちは！オフラインのデモボットです。",
  goodbye: "さようなら！",
  thanks: "どういたしまして。",
  weather: "オフラインでは天気を調べられません。",
};

/** The Chinese (or Japanese) answer for a classified turn; jokes stay in English, said so. */
export function replyChinese(cls: { intent: Intent; rest?: string }, heard: string, lang: "zh" | "ja", h: Helpers): Said {
  const { intent } = cls;
  if (intent === "time") return { kind: "tool", intent, name: "get_current_time", args: {}, lang };
  if (lang === "ja") {
    if (intent === "date") return { kind: "say", intent, text: `今日は${h.date()}です。` };
    if (intent === "repeat") return { kind: "say", intent, text: cls.rest || "繰り返す言葉を続けてください。" };
    const fixed = JA[intent];
    return { kind: "say", intent, text: fixed ?? `「${heard}」と書きましたね。オフラインのデモボットは少ししか分かりません。` };
  }
  switch (intent) {
    case "date":
      return { kind: "say", intent, text: `今天是${h.date()}。` };
    case "joke":
      return { kind: "say", intent, text: `我只会讲英文笑话：${h.joke()}` };
    case "recall": {
      const before = h.before();
      return { kind: "say", intent, text: before ? `你说的是：${before}` : "在这之前你还什么都没说。" };
    }
    case "repeat":
      return { kind: "say", intent, text: cls.rest || "请说“跟我说”，然后加上要我说的话。" };
    default:
      return { kind: "say", intent, text: ZH[intent](heard) };
  }
}
