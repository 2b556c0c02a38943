import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../example-app/server/server.js";
import { TestClient, tone } from "./helpers.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, understand: false });
});
afterAll(async () => {
  await server.close();
});

type Entry = { processor?: unknown; model?: unknown; value?: unknown };
const entry = (data: unknown, kind: string): Entry | undefined => ((data as Record<string, Entry[] | undefined> | undefined)?.[kind] ?? [])[0];

describe("the bridge's Pipecat-shaped metrics through the bot server", () => {
  it("a spoken turn and a typed one each get ttfb, then processing, from the offline bot, in seconds", async () => {
    const c = new TestClient(server.url);
    await c.connect();
    await c.ready();
    c.startAudio(tone(440, 1.0));
    await c.messages.wait((m) => m.type === "user-stopped-speaking", 10_000, "user-stopped-speaking");
    const ttfb = await c.messages.wait((m) => m.type === "metrics" && entry(m.data, "ttfb") !== undefined, 15_000, "ttfb metrics");
    const t = entry(ttfb.data, "ttfb") as Entry;
    expect(t.processor).toBe("OfflineDemoBot");
    expect(typeof t.model).toBe("string");
    expect(t.value).toBeGreaterThan(0);
    expect(t.value).toBeLessThan(30);
    // Measured from the user's end of speech: it follows user-stopped-speaking and the bot's first output.
    const types = c.messages.items.map((m) => m.type);
    expect(c.messages.items.indexOf(ttfb)).toBeGreaterThan(types.indexOf("bot-llm-started"));
    const processing = await c.messages.wait((m) => m.type === "metrics" && entry(m.data, "processing") !== undefined, 20_000, "processing metrics");
    expect(entry(processing.data, "processing")?.value).toBeGreaterThanOrEqual(t.value as number);
    await c.messages.wait((m) => m.type === "bot-stopped-speaking", 20_000, "bot-stopped-speaking");
    c.stopAudio();

    // A typed turn starts the wait at send-text.
    const before = c.messages.items.length;
    c.sendRtvi("send-text", { content: "hello", options: { run_immediately: true, audio_response: true } });
    await c.messages.wait((m) => m.type === "metrics" && entry(m.data, "ttfb") !== undefined && c.messages.items.indexOf(m) >= before, 15_000, "typed turn's ttfb");
    const ttfbs = c.messages.items.filter((m) => m.type === "metrics" && entry(m.data, "ttfb") !== undefined);
    expect(ttfbs).toHaveLength(2);
    await c.close();
    await server.whenIdle(15_000);
  });
});
