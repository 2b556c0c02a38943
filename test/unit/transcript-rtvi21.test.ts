import { describe, expect, it } from "vitest";
import { createTranscriptState, reduceTranscript, type FunctionCallTurn, type TranscriptState } from "../../src/store/transcript";
import { convo } from "../support/scenario";

type Msg = { type: string; data?: Record<string, unknown> };
const play = (msgs: readonly Msg[], from: TranscriptState = createTranscriptState()) =>
  msgs.reduce((s, m, i) => reduceTranscript(s, { label: "rtvi-ai", ...m }, i + 1), from);
const calls = (s: TranscriptState) => s.turns.filter((t): t is FunctionCallTurn => t.role === "function_call");

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe("function calls in any order", () => {
  const started: Msg = { type: "llm-function-call-started", data: { function_name: "get_weather" } };
  const progress: Msg = { type: "llm-function-call-in-progress", data: { function_name: "get_weather", tool_call_id: "c1", arguments: { city: "Paris" } } };
  const stopped: Msg = { type: "llm-function-call-stopped", data: { function_name: "get_weather", tool_call_id: "c1", result: { temp_c: 14 } } };

  it.each(permutations([started, progress, stopped]).map((order) => [order.map((m) => m.type.replace("llm-function-call-", "")).join(" → "), order] as const))(
    "%s: one turn for the tool call",
    (_name, order) => {
      const s = play(order);
      expect(s.turns).toHaveLength(1);
      expect(calls(s)[0]).toMatchObject({ functionName: "get_weather", toolCallId: "c1", result: { temp_c: 14 }, final: true, status: "completed" });
    },
  );

  it("two calls of the same function, started without ids and finished out of order: one turn each", () => {
    const c2 = (type: string, extra: Record<string, unknown> = {}) => ({ type, data: { function_name: "lookup", tool_call_id: "c2", ...extra } });
    const c1 = (type: string, extra: Record<string, unknown> = {}) => ({ type, data: { function_name: "lookup", tool_call_id: "c1", ...extra } });
    const s = play([
      { type: "llm-function-call-started", data: { function_name: "lookup" } },
      { type: "llm-function-call-started", data: { function_name: "lookup" } },
      c1("llm-function-call-in-progress", { arguments: { q: 1 } }),
      c2("llm-function-call-in-progress", { arguments: { q: 2 } }),
      c2("llm-function-call-stopped", { result: "two" }),
      c1("llm-function-call-stopped", { result: "one" }),
    ]);
    expect(calls(s).map((t) => [t.toolCallId, t.args, t.result, t.final])).toEqual([
      ["c1", { q: 1 }, "one", true],
      ["c2", { q: 2 }, "two", true],
    ]);
  });

  it("a started for a different function opens its own turn", () => {
    const s = play([progress, { type: "llm-function-call-started", data: { function_name: "book_table" } }]);
    expect(calls(s).map((t) => t.functionName)).toEqual(["get_weather", "book_table"]);
  });
});

describe("RTVI 2.1 annotations on turns", () => {
  const search = {
    type: "bot-llm-search-response",
    data: {
      search_result: "Paris is 14°C and cloudy.",
      rendered_content: "<div onclick=alert(1)>widget</div>",
      origins: [
        { site_uri: "https://weather.example/paris", site_title: "<b>Weather</b>", results: [] },
        { site_uri: "javascript:alert(1)", site_title: "evil" },
        { site_uri: "not a url", site_title: "broken" },
        { site_title: "no uri" },
      ],
    },
  };

  it("bot-llm-search-response: kept on the bot turn being spoken, http(s) sources only, no bot HTML", () => {
    const c = convo().user("weather?").botSays(["It's", "cloudy."], { stop: false }).send(search, { type: "bot-stopped-speaking" });
    const bot = c.turns[1];
    expect(bot).toMatchObject({ role: "assistant", text: "It's cloudy.", final: true });
    expect(bot?.role === "assistant" && bot.search).toEqual({
      text: "Paris is 14°C and cloudy.",
      sources: [{ uri: "https://weather.example/paris", title: "<b>Weather</b>" }],
    });
    expect(JSON.stringify(c.state)).not.toContain("onclick");
  });

  it("bot-llm-search-response after the bot turn ended goes on that turn; before any text it opens the answer's turn", () => {
    const late = convo().user("weather?").botSays(["Cloudy."]).send(search);
    expect(late.turns).toHaveLength(2);
    expect(late.turns[1]).toMatchObject({ role: "assistant", text: "Cloudy.", search: { text: "Paris is 14°C and cloudy." } });
    const early = convo().user("weather?").send(search).botSays(["Cloudy."]);
    expect(early.turns).toHaveLength(2);
    expect(early.turns[1]).toMatchObject({ role: "assistant", text: "Cloudy.", search: { text: "Paris is 14°C and cloudy." } });
  });

  it("user-llm-text: what the LLM received is on the user turn, its spoken text unchanged", () => {
    const c = convo().user("whats the wether").send({ type: "user-llm-text", data: { text: "What's the weather?" } });
    expect(c.turns[0]).toMatchObject({ role: "user", text: "whats the wether", llmText: "What's the weather?" });
    const none = convo().send({ type: "user-llm-text", data: { text: "orphan" } }, { type: "user-llm-text", data: { text: 5 } });
    expect(none.state).toEqual(createTranscriptState());
  });
});
