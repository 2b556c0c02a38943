import { describe, expect, it } from "vitest";
import { joinChunk, joinChunks, type SpeechTurn, type Turn } from "../../src/store/transcript";
import { convo } from "../support/scenario";

const speech = (turns: readonly Turn[]) => turns.filter((t): t is SpeechTurn => t.role === "user" || t.role === "assistant");

describe("joining chunks for any script", () => {
  it("puts spaces between bare English words and none before punctuation", () => {
    expect(joinChunks(["Once", "upon", "a", "time,", "there"])).toBe("Once upon a time, there");
    expect(joinChunks(["Hello", "!", "How", "are", "you", "?"])).toBe("Hello! How are you?");
    expect(joinChunk("It's ", "cold")).toBe("It's cold");
  });
  it("adds no spaces inside Chinese or Japanese and keeps Korean word spacing", () => {
    expect(joinChunks(["你好", "，", "今天", "天气", "很好", "。"])).toBe("你好，今天天气很好。");
    expect(joinChunks(["こんにちは", "世界"])).toBe("こんにちは世界");
    expect(joinChunks(["안녕하세요", "반갑습니다"])).toBe("안녕하세요 반갑습니다");
  });
  it("keeps the spacing that streamed LLM tokens carry", () => {
    const c = convo().send(
      { type: "bot-llm-started" },
      { type: "bot-llm-text", data: { text: "Hel" } },
      { type: "bot-llm-text", data: { text: "lo" } },
      { type: "bot-llm-text", data: { text: " world" } },
    );
    expect(speech(c.turns)[0]?.pendingText).toBe("Hello world");
  });
});

describe("one bot text source per turn", () => {
  it("shows TTS words once even when the LLM sent the same words", () => {
    const c = convo()
      .user("hi")
      .send({ type: "bot-llm-started" }, { type: "bot-llm-text", data: { text: "Hi there, friend." } }, { type: "bot-started-speaking" })
      .send({ type: "bot-tts-text", data: { text: "Hi" } }, { type: "bot-tts-text", data: { text: "there," } });
    const bot = speech(c.turns)[1];
    expect(bot?.text).toBe("Hi there,");
    expect(bot?.pendingText).toBe(" friend.");
    const done = c.send({ type: "bot-tts-text", data: { text: "friend." } }, { type: "bot-stopped-speaking" });
    expect(speech(done.turns)[1]).toMatchObject({ text: "Hi there, friend.", pendingText: "", final: true, source: "bot-tts-text" });
  });
  it("prefers bot-output over TTS text once it arrives", () => {
    const c = convo()
      .botSays(["Good", "morning."], { stop: false })
      .send({ type: "bot-output", data: { text: "Good morning.", spoken: true, segment_id: 1, spoken_status: "completed" } }, { type: "bot-stopped-speaking" });
    expect(speech(c.turns)[0]).toMatchObject({ text: "Good morning.", source: "bot-output" });
  });
  it("counts LLM-only text as said when a text-only bot's turn ends normally", () => {
    const c = convo().send({ type: "bot-llm-started" }, { type: "bot-llm-text", data: { text: "Plain text reply." } });
    expect(speech(c.turns)[0]).toMatchObject({ text: "", pendingText: "Plain text reply.", final: false });
    const next = c.user("ok");
    expect(speech(next.turns)[0]).toMatchObject({ text: "Plain text reply.", final: true, interrupted: false });
  });
});

describe("interruptions keep only what was spoken", () => {
  it("barge-in: user speech while the bot speaks ends the bot turn", () => {
    const c = convo()
      .user("tell me a story")
      .send({ type: "bot-llm-started" }, { type: "bot-llm-text", data: { text: "Once upon a time there was a fox." } }, { type: "bot-started-speaking" })
      .send({ type: "bot-tts-text", data: { text: "Once" } }, { type: "bot-tts-text", data: { text: "upon" } }, { type: "user-started-speaking" });
    const bot = speech(c.turns)[1];
    expect(bot).toMatchObject({ text: "Once upon", unspokenText: " a time there was a fox.", interrupted: true, final: true, pendingText: "" });
  });
  it("ignores late bot text after an interruption until the bot starts again", () => {
    const c = convo()
      .botSays(["One", "two"], { stop: false })
      .send({ type: "bot-interrupted" }, { type: "bot-tts-text", data: { text: "three" } });
    expect(speech(c.turns)).toHaveLength(1);
    expect(speech(c.turns)[0]?.text).toBe("One two");
    const again = c.botSays(["Sorry."]);
    expect(speech(again.turns).map((t) => t.text)).toEqual(["One two", "Sorry."]);
  });
});

describe("user turns", () => {
  it("replaces interim text and appends final text", () => {
    const c = convo().send(
      { type: "user-started-speaking" },
      { type: "user-transcription", data: { text: "what is", final: false } },
      { type: "user-transcription", data: { text: "what is the time", final: false } },
    );
    expect(speech(c.turns)[0]).toMatchObject({ text: "", pendingText: "what is the time", final: false });
    const f = c.send({ type: "user-stopped-speaking" }, { type: "user-transcription", data: { text: "What is the time?", final: true } });
    expect(speech(f.turns)[0]).toMatchObject({ text: "What is the time?", pendingText: "", final: true });
  });
  it("puts a late transcript (speech-to-speech models) before the bot's answer", () => {
    const c = convo()
      .send({ type: "user-started-speaking" }, { type: "user-stopped-speaking" })
      .botSays(["Sure."], { stop: false })
      .send({ type: "user-transcription", data: { text: "Can you help?", final: true } });
    expect(speech(c.turns).map((t) => [t.role, t.text])).toEqual([
      ["user", "Can you help?"],
      ["assistant", "Sure."],
    ]);
  });
  it("opens a new user turn after the bot spoke", () => {
    const c = convo().user("one").botSays(["ok"]).user("two");
    expect(speech(c.turns).map((t) => t.text)).toEqual(["one", "ok", "two"]);
  });
  it("shows typed text at once and can interrupt a speaking bot", () => {
    const c = convo().botSays(["I", "was", "saying"], { stop: false }).send({ type: "bot-llm-text", data: { text: "I was saying something long" } });
    const t = c.typed("stop please", true);
    expect(speech(t.turns).map((x) => [x.role, x.text, x.interrupted])).toEqual([
      ["assistant", "I was saying", true],
      ["user", "stop please", false],
    ]);
    expect(speech(t.turns)[0]?.unspokenText).toBe(" something long");
  });
});

describe("function calls and errors", () => {
  it("tracks a tool call by id across started, in-progress and stopped", () => {
    const c = convo().send(
      { type: "llm-function-call-started", data: { function_name: "lookup" } },
      { type: "llm-function-call-in-progress", data: { tool_call_id: "c1", function_name: "lookup", arguments: { q: "x" } } },
      { type: "llm-function-call-stopped", data: { tool_call_id: "c1", function_name: "lookup", cancelled: false, result: 42 } },
    );
    expect(c.turns).toHaveLength(1);
    expect(c.turns[0]).toMatchObject({ role: "function_call", functionName: "lookup", toolCallId: "c1", args: { q: "x" }, result: 42, status: "completed", final: true });
  });
  it("a fatal error closes the live turns and keeps their text", () => {
    const c = convo().user("hi").botSays(["Hel"], { stop: false }).send({ type: "error", data: { error: "boom", fatal: true } });
    expect(c.turns.map((t) => t.role)).toEqual(["user", "assistant", "system"]);
    expect(speech(c.turns)[1]).toMatchObject({ text: "Hel", final: true });
    expect(c.turns[2]).toMatchObject({ kind: "error", text: "boom", fatal: true });
  });
});

describe("malformed input is ignored without throwing (one rule per kind)", () => {
  const bad: unknown[] = [
    null,
    42,
    "text",
    [],
    {},
    { type: 7 },
    { label: "other", type: "bot-tts-text", data: { text: "x" } },
    { type: "user-transcription" },
    { type: "user-transcription", data: { text: 5, final: true } },
    { type: "user-transcription", data: { text: "   ", final: true } },
    { type: "bot-llm-text", data: { text: ["a"] } },
    { type: "bot-output", data: { segment_id: 9, spoken_status: "in-progress", spoken_progress: { accumulated_text: "ghost" } } },
    { type: "bot-output", data: { text: "x", spoken_status: "sideways", segment_id: 1 } },
    { type: "bot-output", data: { text: "x", spoken_status: "new", segment_id: { bad: true } } },
    { type: "llm-function-call-stopped", data: "nope" },
  ];
  it("leaves the whole transcript state unchanged, and the session state too", () => {
    const start = reduceTranscript(createTranscriptState(), { type: "user-transcription", data: { text: "hello", final: false } }, 0);
    for (const m of bad) expect({ m, same: reduceLoose(start, m) === start }).toEqual({ m, same: true });
    const session = createSessionState();
    for (const m of bad) expect({ m, same: reduceSession(session, { type: "message", message: m }, 1) === session }).toEqual({ m, same: true });
  });
});

import { createTranscriptState, reduceTranscript, type TranscriptState } from "../../src/store/transcript";
import { reduceSession } from "../../src/store/sessionReducer";
import { createSessionState } from "../../src/store/sessionState";
function reduceLoose(s: TranscriptState, m: unknown): TranscriptState {
  return reduceTranscript(s, m, 1);
}
