import { describe, expect, it } from "vitest";
import { classify, createConversation, JOKES, phraseToolResult, respond, type Reply } from "../../example-app/server/speech/responder.js";

const now = new Date("2025-03-04T15:07:00Z");
const spoken = (text: string, conv = createConversation()): Reply => respond(conv, { text, source: "speech", now, timeZone: "UTC" });
const sayText = (r: Reply) => (r.kind === "say" ? r.text : `<tool ${r.name}>`);

describe("offline responder", () => {
  it.each([
    ["hello there", "greeting"],
    ["good morning", "greeting"],
    ["what time is it right now", "time"],
    ["What's the date today?", "date"],
    ["tell me a joke about computers", "joke"],
    ["who are you", "identity"],
    ["what can you do", "abilities"],
    ["what did i just say", "recall"],
    ["will it rain tomorrow", "weather"],
    ["see you later", "goodbye"],
    ["repeat after me the sky is blue", "repeat"],
    ["i like green apples", "unknown"],
    ["  ", "empty"],
  ])("%j is the %s intent", (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  it("answers the time through the get_current_time tool, then phrases its result", () => {
    const conv = createConversation();
    const r = respond(conv, { text: "what is the time", source: "speech" });
    expect(r).toMatchObject({ kind: "tool", name: "get_current_time", args: {} });
    if (r.kind !== "tool") throw new Error("expected a tool reply");
    const said = phraseToolResult(conv, r, { result: now.toISOString(), time_zone: "UTC" });
    expect(said.text).toBe("It's 3:07 PM in UTC.");
    expect(conv.turns.at(-1)).toEqual({ role: "bot", text: said.text });
  });

  it("says the date in the given zone", () => {
    expect(sayText(spoken("what day is it"))).toBe("Today is Tuesday, March 4, 2025.");
  });

  it("rotates through the jokes within one call", () => {
    const conv = createConversation();
    const first = sayText(spoken("tell me a joke", conv));
    const second = sayText(spoken("tell me another joke", conv));
    expect(first).toBe(JOKES[0]);
    expect(second).toBe(JOKES[1]);
    expect(sayText(spoken("tell me a joke"))).toBe(JOKES[0]);
  });

  it("remembers what the caller said before", () => {
    const conv = createConversation();
    expect(sayText(spoken("what did i just say", conv))).toMatch(/haven't said anything/);
    spoken("i like green apples", conv);
    expect(sayText(spoken("what did i just say", conv))).toBe("You said: i like green apples");
  });

  it("repeats the words after 'repeat after me'", () => {
    expect(sayText(spoken("repeat after me the sky is blue"))).toBe("the sky is blue");
  });

  it("is honest about weather and about what it heard otherwise", () => {
    expect(sayText(spoken("what is the weather like today"))).toMatch(/can't look that up offline/);
    const other = sayText(spoken("open the door for me"));
    expect(other).toMatch(/^I heard: open the door for me\./);
    expect(other).toMatch(/the time, the date, a joke/);
  });

  it("answers typed Chinese in Chinese, with the Mandarin voice", () => {
    const r = respond(createConversation(), { text: "你好", source: "typed" });
    expect(r).toMatchObject({ kind: "say", intent: "greeting", lang: "zh", voice: "cmn" });
    expect(sayText(r)).toMatch(/^你好！/);
    const t = respond(createConversation(), { text: "现在几点?", source: "typed" });
    expect(t).toMatchObject({ kind: "tool", name: "get_current_time", lang: "zh", voice: "cmn" });
    const rep = respond(createConversation(), { text: "跟我说：早上好", source: "typed" });
    expect(sayText(rep)).toBe("早上好");
  });

  it("answers typed text in other languages, in English, saying what it read", () => {
    const r = respond(createConversation(), { text: "Привет, как дела?", source: "typed" });
    expect(r).toMatchObject({ kind: "say", lang: "en", voice: "en-us" });
    expect(sayText(r)).toMatch(/^You wrote: Привет, как дела\?/);
  });
});
