import { describe, expect, it } from "vitest";
import { splitForSpeech } from "../../example-app/server/speech/chunks.js";

describe("splitForSpeech", () => {
  it("splits at sentence ends, keeping the punctuation", () => {
    expect(splitForSpeech("Hello! I'm the bot.  Ask me the time?")).toEqual(["Hello!", "I'm the bot.", "Ask me the time?"]);
  });

  it("does not split numbers or common abbreviations", () => {
    expect(splitForSpeech("It costs 2.5 euros. Dr. Smith agrees.")).toEqual(["It costs 2.5 euros.", "Dr. Smith agrees."]);
  });

  it("cuts a long sentence at commas, packing clauses up to the limit", () => {
    const text = "one two three, four five six, seven eight nine, ten eleven twelve.";
    const chunks = splitForSpeech(text, { maxChars: 30 });
    expect(chunks).toEqual(["one two three, four five six,", "seven eight nine,", "ten eleven twelve."]);
    expect(chunks.join(" ")).toBe(text);
  });

  it("cuts at spaces when a clause alone is too long", () => {
    const chunks = splitForSpeech("a".repeat(10) + " " + "b".repeat(10) + " " + "c".repeat(10), { maxChars: 22 });
    expect(chunks).toEqual(["aaaaaaaaaa bbbbbbbbbb", "cccccccccc"]);
  });

  it("splits Chinese at full-width sentence marks without spaces", () => {
    expect(splitForSpeech("你好！我是离线演示机器人。你想听笑话吗？好的")).toEqual(["你好！", "我是离线演示机器人。", "你想听笑话吗？", "好的"]);
  });

  it("cuts long Chinese sentences at full-width commas and enumeration marks", () => {
    const text = "我是离线演示机器人，只懂几件事：问好、时间、日期、笑话、我是谁、再见。";
    const chunks = splitForSpeech(text, { maxCjkChars: 12 });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= 12)).toBe(true);
    expect(chunks.join("")).toBe(text);
    expect(chunks[0]).toBe("我是离线演示机器人，");
  });

  it("returns nothing for blank text", () => {
    expect(splitForSpeech("  \n ")).toEqual([]);
  });
});
