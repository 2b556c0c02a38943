import { describe, expect, it } from "vitest";
import { MAX_METRICS_TURNS, MAX_SAMPLES_PER_TURN, readMetrics } from "../../src/store/metrics";
import { metricSeries, percentile } from "../../src/store/metricsStats";
import { reduceSession, type SessionAction } from "../../src/store/sessionReducer";
import { createSessionState, type SessionState } from "../../src/store/sessionState";

const message = (type: string, data?: unknown): SessionAction => ({ type: "message", message: { label: "rtvi-ai", type, data } });
const metrics = (data: unknown) => message("metrics", data);

function run(actions: Array<[number, SessionAction]>, start: SessionState = createSessionState()): SessionState {
  return actions.reduce((s, [at, a]) => reduceSession(s, a, at), start);
}

describe("metrics reducer", () => {
  it("reads Pipecat's shape: ttfb and processing in seconds become ms, tokens and characters are counts", () => {
    const s = run([
      [0, metrics({ ttfb: [{ processor: "GeminiLive", model: "gemini-live", value: 0.42 }], processing: [{ processor: "GeminiLive", value: 1.5 }] })],
      [1, metrics({ tokens: [{ processor: "GeminiLive", prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 }], characters: [{ processor: "TTS", value: 31 }] })],
    ]);
    expect(s.metrics.turns).toHaveLength(1);
    const byKind = Object.fromEntries(s.metrics.turns[0]!.samples.map((x) => [x.kind, x.value]));
    expect(byKind).toEqual({ ttfb: 420, processing: 1500, promptTokens: 10, completionTokens: 5, totalTokens: 15, characters: 31 });
    expect(s.metrics.turns[0]!.samples[0]!.model).toBe("gemini-live");
  });

  it("reads token usage without a processor (Pipecat's RTVI observer) and nested under value", () => {
    const { samples } = readMetrics({ tokens: [{ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 }, { processor: "X", value: { total_tokens: 9 } }] });
    expect(samples.map((x) => [x.kind, x.processor, x.value])).toEqual([
      ["promptTokens", "LLM", 3],
      ["completionTokens", "LLM", 4],
      ["totalTokens", "LLM", 7],
      ["totalTokens", "X", 9],
    ]);
  });

  it("ignores malformed metrics and keeps the very same state object when nothing is valid", () => {
    const s0 = createSessionState();
    const garbage: unknown[] = [
      null,
      "x",
      [],
      { ttfb: "fast" },
      { ttfb: [{ processor: "A", value: "1" }] },
      { ttfb: [{ processor: "A", value: Number.NaN }] },
      { ttfb: [{ processor: "A", value: -1 }] },
      { ttfb: [{ value: 1 }] },
      { processing: [{ processor: "  ", value: 1 }] },
      { tokens: [{ processor: "A", prompt_tokens: "many" }] },
      { unknown: [{ processor: "A", value: 1 }] },
      { ttfb: [null, 3, { processor: "A", value: Infinity }] },
    ];
    for (const g of garbage) expect(reduceSession(s0, metrics(g), 1)).toBe(s0);
    // A message from another label is not RTVI at all.
    expect(reduceSession(s0, { type: "message", message: { label: "other", type: "metrics", data: { ttfb: [{ processor: "A", value: 1 }] } } }, 1)).toBe(s0);
    // Valid entries beside malformed ones are kept.
    const s = reduceSession(s0, metrics({ ttfb: [{ processor: "A", value: "x" }, { processor: "A", value: 0.2 }], junk: 1 }), 1);
    expect(s.metrics.turns[0]!.samples).toEqual([{ kind: "ttfb", processor: "A", model: null, value: 200 }]);
  });

  it("groups figures per exchange: a user input opens the next one, voice-to-voice latency joins it", () => {
    const s = run([
      [0, metrics({ ttfb: [{ processor: "A", value: 0.1 }] })],
      [100, message("user-started-speaking")],
      [200, message("user-started-speaking")],
      [900, message("user-stopped-speaking")],
      [1500, message("bot-started-speaking")],
      [1600, metrics({ ttfb: [{ processor: "A", value: 0.5 }] })],
      [2000, { type: "typed-text", text: "hi", interrupt: false }],
      [2300, message("bot-started-speaking")],
    ]);
    expect(s.metrics.turns.map((t) => t.index)).toEqual([0, 1, 2]);
    expect(s.metrics.turns[1]!.samples.map((x) => [x.kind, x.value])).toEqual([
      ["voiceToVoice", 600],
      ["ttfb", 500],
    ]);
    expect(s.metrics.turns[2]!.samples).toEqual([{ kind: "voiceToVoice", processor: "client", model: null, value: 300 }]);
    expect(s.latencies).toEqual([600, 300]);
  });

  it("keeps the history bounded: turns and samples per turn", () => {
    let s = createSessionState();
    for (let i = 0; i < MAX_METRICS_TURNS + 30; i++) {
      s = reduceSession(s, message("user-started-speaking"), i * 10);
      s = reduceSession(s, metrics({ ttfb: [{ processor: "A", value: i }] }), i * 10 + 1);
    }
    expect(s.metrics.turns).toHaveLength(MAX_METRICS_TURNS);
    expect(s.metrics.turns[0]!.index).toBe(30);
    expect(s.metrics.turns.at(-1)!.samples[0]!.value).toBe((MAX_METRICS_TURNS + 29) * 1000);
    const many = Array.from({ length: MAX_SAMPLES_PER_TURN + 10 }, (_, i) => ({ processor: "B", value: i }));
    s = reduceSession(s, metrics({ processing: many }), 9999);
    s = reduceSession(s, metrics({ processing: many }), 10000);
    expect(s.metrics.turns.at(-1)!.samples).toHaveLength(MAX_SAMPLES_PER_TURN);
    expect(s.metrics.turns.at(-1)!.samples.at(-1)!.value).toBe((MAX_SAMPLES_PER_TURN + 9) * 1000);
  });

  it("measures the connect time once per attempt and the call's start and end", () => {
    const t = (a: SessionAction) => a;
    const s = run([
      [1000, t({ type: "transport-state", state: "initializing" })],
      [1200, t({ type: "transport-state", state: "connecting" })],
      [1800, t({ type: "transport-state", state: "connected" })],
      [2300, t({ type: "transport-state", state: "ready" })],
    ]);
    expect(s.metrics.connectMs).toBe(1300);
    expect(s.callStartedAt).toBe(1800);
    expect(s.callEndedAt).toBeNull();
    // The bot reconnecting upstream is no transport change: the call's clock goes on.
    const r = run([[5000, message("server-message", { type: "session-reconnecting" })], [6000, message("server-message", { type: "session-resumed" })]], s);
    expect(r.callStartedAt).toBe(1800);
    const ended = run([[9000, t({ type: "transport-state", state: "disconnected" })]], r);
    expect(ended.callEndedAt).toBe(9000);
    expect(ended.metrics.connectMs).toBe(1300);
    const again = run([[10000, t({ type: "transport-state", state: "connecting" })], [10400, t({ type: "transport-state", state: "ready" })]], ended);
    expect(again.callStartedAt).toBe(10400);
    expect(again.callEndedAt).toBeNull();
    expect(again.metrics.connectMs).toBe(400);
  });
});

describe("metric series", () => {
  it("last, median and p95 per kind and processor; counts summed per exchange", () => {
    let s = createSessionState();
    const values = [0.3, 0.1, 0.2, 0.9, 0.5];
    values.forEach((v, i) => {
      s = reduceSession(s, message("user-started-speaking"), i);
      s = reduceSession(s, metrics({ ttfb: [{ processor: "A", value: v }], tokens: [{ processor: "A", total_tokens: 10 }, { processor: "A", total_tokens: 5 }] }), i);
    });
    const series = metricSeries(s.metrics.turns);
    const ttfb = series.find((x) => x.key === "ttfb:A")!;
    expect(ttfb.values).toEqual([300, 100, 200, 900, 500]);
    expect(ttfb.last).toBe(500);
    expect(ttfb.median).toBe(300);
    expect(ttfb.p95).toBe(900);
    expect(series.find((x) => x.key === "totalTokens:A")!.values).toEqual([15, 15, 15, 15, 15]);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
  });
});
