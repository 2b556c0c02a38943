/** What the offline stand-in says, in the language the setup asked for (speechConfig.languageCode). */
export interface Replies {
  /** espeak-ng voice for the language. */
  voice: string;
  heard(secs: string, turn: number): string;
  typed(text: string, turn: number): string;
  tool(name: string, result: string): string;
  search(query: string): string;
}

const en: Replies = {
  voice: "en-us",
  heard: (s, n) => `I heard about ${s} seconds of speech. I am the offline demo bot. Turn ${n}.`,
  typed: (t) => `You typed: ${t}`,
  tool: (name, r) => `The ${name} tool says ${r}.`,
  search: (q) => `Here is what a search for ${q} found.`,
};

const cmn: Replies = {
  voice: "cmn",
  heard: (s, n) => `我听到了大约 ${s} 秒的语音。我是离线演示机器人。第 ${n} 轮。`,
  typed: (t) => `你输入了:${t}`,
  tool: (name, r) => `工具 ${name} 的结果是 ${r}。`,
  search: (q) => `这是搜索 ${q} 的结果。`,
};

const ja: Replies = {
  voice: "ja",
  heard: (s, n) => `約 ${s} 秒の音声が聞こえました。私はオフラインのデモボットです。${n} 回目です。`,
  typed: (t) => `入力されたのは:${t}`,
  tool: (name, r) => `${name} ツールの結果は ${r} です。`,
  search: (q) => `${q} の検索結果です。`,
};

export function repliesFor(languageCode: string | undefined): Replies {
  const l = (languageCode ?? "").toLowerCase();
  if (l.startsWith("cmn") || l.startsWith("zh")) return cmn;
  if (l.startsWith("ja")) return ja;
  return en;
}
