import fc from "fast-check";
import { act } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useConversation, type Turn } from "../../src";
import { createTranscriptState, reduceTranscript, type TranscriptState } from "../../src/store/transcript";
import { renderWithClient, scriptedClient } from "../support/session";

const TYPES = [
  "bot-ready", "user-transcription", "user-started-speaking", "user-stopped-speaking", "bot-started-speaking",
  "bot-stopped-speaking", "bot-interrupted", "bot-llm-started", "bot-llm-stopped", "bot-llm-text", "bot-tts-started",
  "bot-tts-stopped", "bot-tts-text", "bot-output", "bot-transcription", "llm-function-call-started",
  "llm-function-call-in-progress", "llm-function-call-stopped", "llm-function-call", "error", "error-response",
  "server-message", "metrics", "user-mute-started", "user-mute-stopped", "user-llm-text", "bot-llm-search-response",
];
const text = fc.oneof(fc.string(), fc.constantFrom("<img src=x onerror=alert(1)>", "你好", "word", " spaced", "end."), fc.string({ unit: "grapheme" }));
const loose = fc.oneof(fc.anything(), text, fc.integer(), fc.constant(null));
const data = fc.oneof(
  fc.anything(),
  fc.record(
    {
      text: loose,
      final: fc.oneof(fc.boolean(), loose),
      fatal: fc.oneof(fc.boolean(), loose),
      error: loose,
      segment_id: fc.oneof(fc.integer({ min: 0, max: 4 }), loose),
      spoken_status: fc.oneof(fc.constantFrom("new", "in-progress", "completed"), loose),
      spoken: fc.oneof(fc.boolean(), loose),
      spoken_progress: fc.oneof(fc.record({ accumulated_text: loose, remaining_text: loose }), loose),
      tool_call_id: fc.oneof(fc.constantFrom("a", "b"), loose),
      function_name: fc.oneof(fc.constantFrom("f", "g"), loose),
      arguments: loose,
      result: loose,
      search_result: loose,
      origins: fc.oneof(fc.array(fc.record({ site_uri: fc.oneof(fc.constantFrom("https://a.example/", "javascript:alert(1)"), loose), site_title: loose }, { requiredKeys: [] }), { maxLength: 3 }), loose),
    },
    { requiredKeys: [] },
  ),
);
const randomMessage = fc.oneof(
  fc.record({ label: fc.constantFrom("rtvi-ai", "rtvi-ai", "other"), type: fc.oneof(fc.constantFrom(...TYPES), fc.string()), data }, { requiredKeys: [] }),
  fc.anything(),
);

/** Invariants checked after every message. */
function checkStep(prev: TranscriptState, next: TranscriptState): void {
  const ids = next.turns.map((t) => t.id);
  expect(new Set(ids).size).toBe(ids.length);
  // Order is stable: turns present before keep their relative order.
  const prevIds = prev.turns.map((t) => t.id).filter((id) => ids.includes(id));
  expect(ids.filter((id) => prevIds.includes(id))).toEqual(prevIds);
  for (const before of prev.turns) {
    if (!before.final) continue;
    const after = next.turns.find((t) => t.id === before.id);
    // A finalized turn never changes; only late metadata (search sources, the LLM's text) may be added.
    if (after && after !== before) {
      const strip = (t: object) => Object.fromEntries(Object.entries(t).filter(([k]) => k !== "search" && k !== "llmText"));
      expect(strip(after)).toEqual(strip(before));
    }
  }
  for (const t of next.turns) {
    if (t.role === "assistant" || t.role === "user") {
      expect(typeof t.text).toBe("string");
      expect(typeof t.pendingText).toBe("string");
    }
  }
}

describe("fuzzed input", () => {
  it("10,000 random and malformed messages: nothing throws and the invariants hold", () => {
    fc.assert(
      fc.property(fc.array(randomMessage, { minLength: 100, maxLength: 100 }), (msgs) => {
        let s = createTranscriptState();
        msgs.forEach((m, i) => {
          const next = reduceTranscript(s, m, i);
          checkStep(s, next);
          s = next;
        });
      }),
      { numRuns: 100 },
    );
  });

  it("valid interleavings of three sources never show the same words twice, and spoken text only grows", () => {
    const sentence = fc.array(fc.constantFrom("the", "quick", "brown", "fox", "jumps", "over", "lazy", "dogs"), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(2), { maxLength: 60 }), (sentences, order) => {
        const words = sentences.flat();
        const full = sentences.map((w) => `${w.join(" ")}.`).join(" ");
        // Three streams carrying the same words, merged in a random order.
        const llm = full.split(/(?= )/).map((t) => ({ type: "bot-llm-text", data: { text: t } }));
        const tts = sentences.flatMap((w) => w.map((x, i) => ({ type: "bot-tts-text", data: { text: i === w.length - 1 ? `${x}.` : x } })));
        const out = sentences.flatMap((w, i) => [
          { type: "bot-output", data: { text: `${w.join(" ")}.`, segment_id: i, spoken_status: "new" } },
          ...w.map((_, j) => ({ type: "bot-output", data: { text: `${w.join(" ")}.`, segment_id: i, spoken_status: j === w.length - 1 ? "completed" : "in-progress", spoken_progress: { accumulated_text: w.slice(0, j + 1).join(" ") } } })),
        ]);
        const streams = [llm, tts, out];
        const merged: { type: string; data: unknown }[] = [];
        for (const pick of order) {
          const next = streams[pick]?.shift();
          if (next) merged.push(next);
        }
        for (const rest of streams) merged.push(...rest);
        let s = reduceTranscript(createTranscriptState(), { type: "bot-started-speaking" }, 0);
        let spoken = "";
        let source = "";
        const bare = (t: string) => t.split(/\s+/).map((w) => w.replace(/\.$/, "")).filter((w) => w !== "");
        merged.forEach((m, i) => {
          const next = reduceTranscript(s, { label: "rtvi-ai", ...m }, i + 1);
          checkStep(s, next);
          s = next;
          const bot = s.turns[0];
          if (bot?.role === "assistant") {
            // What is on screen (spoken + pending) is always the start of the sentence: a word shown twice would break it.
            const shown = bare(`${bot.text} ${bot.pendingText}`);
            expect(shown).toEqual(words.slice(0, shown.length));
            if (bot.source === source) expect(bot.text.replace(/\s/g, "").startsWith(spoken.replace(/\s/g, ""))).toBe(true);
            spoken = bot.text;
            source = bot.source;
          }
        });
        s = reduceTranscript(s, { type: "bot-stopped-speaking" }, 999);
        const bot = s.turns[0];
        expect(s.turns).toHaveLength(1);
        expect(bot?.role === "assistant" && bot.text.replace(/\s+/g, " ")).toBe(full);
      }),
      { numRuns: 300 },
    );
  });

  it("the provider survives 2,000 random messages through a real client and renders text as text", async () => {
    const { client, transport } = scriptedClient({ events: [{ at: 0, message: { label: "rtvi-ai", type: "bot-ready", data: { version: "2.1.0" } } }] });
    let turns: readonly Turn[] = [];
    function Probe() {
      turns = useConversation().turns;
      return (
        <ul>
          {turns.map((t) => (
            <li key={t.id}>{"text" in t ? `${t.text}${t.role !== "system" ? t.pendingText : ""}` : String(t.functionName)}</li>
          ))}
        </ul>
      );
    }
    renderWithClient(client, <Probe />);
    await act(async () => client.connect());
    const msgs = fc.sample(randomMessage, { numRuns: 2000, seed: 42 });
    const hostile = { label: "rtvi-ai", type: "bot-tts-text", data: { text: "<img src=x onerror=alert(1)>" } };
    await act(async () => {
      transport.inject({ label: "rtvi-ai", type: "bot-started-speaking" });
      for (const m of msgs) transport.inject(m as never);
      transport.inject({ label: "rtvi-ai", type: "bot-llm-started" });
      transport.inject(hostile);
    });
    expect(transport.deliveryErrors).toEqual([]);
    expect(document.querySelector("img")).toBeNull();
    expect(document.body.textContent).toContain("<img src=x onerror=alert(1)>");
    await client.disconnect();
  });
});
