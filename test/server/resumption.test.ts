import { afterEach, describe, expect, it } from "vitest";
import { GeminiLiveClient, type GeminiEvents, type ResumeInfo } from "../../example-app/server/gemini/client.js";
import { createLogger } from "../../example-app/server/logger.js";
import { startServer } from "../../example-app/server/server.js";
import { startStandIn, type StandIn, type StandInEvent, type StandInOptions } from "../../example-app/server/standin/server.js";
import { TestClient, Waitable } from "./helpers.js";

type Ev = { kind: string; text?: string; info?: ResumeInfo };
const logger = createLogger({ sink: () => undefined });
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function setup(o: Partial<StandInOptions>): Promise<{ standIn: StandIn; client: GeminiLiveClient; events: Waitable<Ev>; stand: Waitable<StandInEvent> }> {
  const stand = new Waitable<StandInEvent>();
  const standIn = await startStandIn({ logger, engine: "tones", onEvent: (e) => stand.push(e), ...o });
  cleanup.push(() => standIn.close());
  const events = new Waitable<Ev>();
  const handlers: GeminiEvents = {
    onAudio: () => {},
    onInputTranscription: () => {},
    onOutputTranscription: (text) => events.push({ kind: "output", text }),
    onInterrupted: () => events.push({ kind: "interrupted" }),
    onTurnComplete: () => events.push({ kind: "turnComplete" }),
    onGoAway: (text) => events.push({ kind: "goAway", text }),
    onReconnecting: (text) => {
      events.push({ kind: "reconnecting", text });
      // Mic audio that arrives while the new socket is set up: 10 × 20 ms.
      for (let i = 0; i < 10; i++) client.sendAudio(new Int16Array(320));
    },
    onResumed: (info) => events.push({ kind: "resumed", info }),
    onClosed: (text) => events.push({ kind: "closed", text }),
  };
  const client = new GeminiLiveClient({ apiKey: "k", url: standIn.url, model: "m", voice: "v", systemInstruction: "s", logger }, handlers);
  cleanup.push(() => client.close());
  await client.connect();
  return { standIn, client, events, stand };
}

function samplesOn(stand: Waitable<StandInEvent>, conn: number): number {
  return stand.items.reduce((n, e) => n + (e.type === "audio" && e.conn === conn ? e.samples : 0), 0);
}

describe("session resumption (stand-in goAway every STANDIN_GOAWAY_AFTER_SEC)", () => {
  it("goAway → a new socket with the latest handle, the same conversation, and the held mic audio delivered there", async () => {
    const { events, stand } = await setup({ goAwayAfterSec: 0.3, goAwayGraceSec: 2 });
    const first = (await stand.wait((e) => e.type === "open", 5000)) as Extract<StandInEvent, { type: "open" }>;
    expect(first.resumed).toBe(false);
    expect((await events.wait((e) => e.kind === "goAway", 5000)).text).toBe("2s");
    expect((await events.wait((e) => e.kind === "reconnecting", 5000)).text).toBe("goAway");
    const resumed = await events.wait((e) => e.kind === "resumed", 5000, "resumed");
    expect(resumed.info).toMatchObject({ count: 1, droppedAudioMs: 0 });
    const second = (await stand.wait((e) => e.type === "open" && e.conn !== first.conn, 5000)) as Extract<StandInEvent, { type: "open" }>;
    expect(second).toMatchObject({ resumed: true, conversation: first.conversation });
    // Held audio went to the new socket only, all of it; the old one got none after the handle was taken.
    let got = 0;
    await stand.wait((e) => (got += e.type === "audio" && e.conn === second.conn ? e.samples : 0) >= 3200, 5000, "held audio on the new socket");
    expect(samplesOn(stand, second.conn)).toBe(3200);
    expect(samplesOn(stand, first.conn)).toBe(0);
    // The old socket was left with a close frame, not dropped.
    expect(await stand.wait((e) => e.type === "closed" && e.conn === first.conn, 5000)).toMatchObject({ code: 1000 });
    expect(events.items.filter((e) => e.kind === "closed")).toHaveLength(0);
  });

  it("a goAway mid-answer lets the answer finish on the old socket before moving", async () => {
    const { client, events } = await setup({ goAwayAfterSec: 0.4, goAwayGraceSec: 8 });
    client.sendText("a longer answer that is still playing when the goAway comes");
    await events.wait((e) => e.kind === "goAway", 5000);
    await events.wait((e) => e.kind === "resumed", 20_000);
    const kinds = events.items.map((e) => e.kind);
    expect(kinds.indexOf("turnComplete")).toBeGreaterThan(-1);
    expect(kinds.indexOf("turnComplete")).toBeLessThan(kinds.indexOf("reconnecting"));
    expect(kinds).not.toContain("interrupted");
  });

  it("a connection lost without goAway is resumed too", async () => {
    const { standIn, events, stand } = await setup({});
    await stand.wait((e) => e.type === "open", 5000);
    standIn.drop();
    expect((await events.wait((e) => e.kind === "reconnecting", 5000)).text).toMatch(/connection lost/);
    await events.wait((e) => e.kind === "resumed", 5000);
    expect(stand.items.filter((e) => e.type === "open").map((e) => (e as { resumed: boolean }).resumed)).toEqual([false, true]);
  });

  it("a refused handle ends the session with a clear reason (no retry loop)", async () => {
    const { events, stand } = await setup({ goAwayAfterSec: 0.3, goAwayGraceSec: 2, rejectResumeAt: 1 });
    const closed = await events.wait((e) => e.kind === "closed", 5000, "closed");
    expect(closed.text).toMatch(/could not resume the session.*handle is not valid or has expired/);
    expect(stand.items.filter((e) => e.type === "rejected")).toEqual([{ type: "rejected", code: 1008, reason: "Session handle is not valid or has expired." }]);
    expect(events.items.map((e) => e.kind)).not.toContain("resumed");
  });
});

describe("resumption as the browser sees it (bot server + werift caller)", () => {
  it("server-message session-reconnecting then session-resumed; a failed resume is a fatal error after the transcript", async () => {
    const stand = new Waitable<StandInEvent>();
    const standIn = await startStandIn({ logger, engine: "tones", goAwayAfterSec: 1.5, goAwayGraceSec: 3, rejectResumeAt: 2, onEvent: (e) => stand.push(e) });
    cleanup.push(() => standIn.close());
    const server = await startServer({ port: 0, host: "127.0.0.1", geminiApiKey: "test-key", geminiWsUrl: standIn.url, logSink: () => undefined });
    cleanup.push(() => server.close());
    const c = new TestClient(server.url);
    cleanup.push(() => c.close());
    await c.connect();
    await c.ready();
    c.sendRtvi("send-text", { content: "before the move" }, "t1");
    await c.messages.wait((m) => m.type === "bot-output" && /before the move/.test(String(m.data?.text)), 20_000, "first answer");
    const reconnecting = await c.messages.wait((m) => m.type === "server-message" && m.data?.type === "session-reconnecting", 10_000);
    expect(reconnecting.data).toEqual({ type: "session-reconnecting", reason: "goAway" });
    await c.messages.wait((m) => m.type === "server-message" && m.data?.type === "session-resumed", 10_000);
    c.sendRtvi("send-text", { content: "after the move" }, "t2");
    await c.messages.wait((m) => m.type === "bot-output" && /after the move/.test(String(m.data?.text)), 20_000, "answer after resuming");
    // The second resumption is refused: a fatal error with the reason, after everything said so far.
    const err = await c.messages.wait((m) => m.type === "error", 15_000, "fatal error");
    expect(err.data).toMatchObject({ fatal: true });
    expect(String(err.data?.error)).toMatch(/could not resume the session/);
    const outputs = c.messages.items.filter((m) => m.type === "bot-output").map((m) => String(m.data?.text));
    expect(outputs.some((t) => /before the move/.test(t)) && outputs.some((t) => /after the move/.test(t))).toBe(true);
    const types = c.messages.items.map((m) => m.type);
    expect(types.indexOf("error")).toBeGreaterThan(types.lastIndexOf("bot-output"));
  });
});
