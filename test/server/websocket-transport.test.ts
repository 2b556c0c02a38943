import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startServer, type RunningServer } from "../../example-app/server/server.js";
import { WsCaller } from "../../example-app/tools/wsCaller.js";
import { rms, tone } from "./helpers.js";
import { post } from "./raw.js";

// The caller uses @pipecat-ai/websocket-transport's own ProtobufFrameSerializer: these tests hold the
// server to the bytes that client writes and reads, not to our codec.
const WS_BODY = JSON.stringify({ transport: "websocket" });
let server: RunningServer;
let guarded: RunningServer;
beforeAll(async () => {
  const quiet = { port: 0, host: "127.0.0.1", geminiApiKey: "", logSink: () => undefined, understand: false };
  [server, guarded] = await Promise.all([startServer(quiet), startServer({ ...quiet, startToken: "s3cret", maxCalls: 1 })]);
});
afterAll(async () => {
  await Promise.all([server.close(), guarded.close()]);
});

/** The upgrade's HTTP status when refused, or 101. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once("open", () => (ws.close(), resolve(101)));
    ws.once("unexpected-response", (_q, res) => (res.resume(), resolve(res.statusCode ?? 0)));
    ws.once("error", reject);
  });
}

describe("Pipecat's WebSocket transport (frames.proto) in front of the same call", () => {
  it("/start {transport: websocket} answers only wsUrl and token, the parameters WebSocketTransport accepts", async () => {
    const r = await post(server.url, "/start", {}, WS_BODY);
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(["token", "wsUrl"]);
    expect(String(r.body.wsUrl)).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${server.port}/ws/[0-9a-f-]{36}$`));
    expect((await post(server.url, "/start", {}, JSON.stringify({ transport: "carrier-pigeon" }))).status).toBe(400);
    // WebRTC stays the default.
    expect(Object.keys((await post(server.url, "/start")).body)).toEqual(["sessionId"]);
  });

  it("client-ready → bot-ready, typed text → RTVI events and 24 kHz audio in 20 ms AudioRawFrames; closing frees the call", async () => {
    const c = new WsCaller(server.url);
    await c.connect();
    await c.ready();
    expect(server.stats().calls).toBe(1);
    c.sendRtvi("send-text", { content: "hello over the socket" }, "t1");
    await c.messages.wait((m) => m.type === "user-llm-text", 5000, "user-llm-text");
    await c.messages.wait((m) => m.type === "bot-started-speaking", 15_000, "bot-started-speaking");
    await c.audio.wait(() => c.audio.items.length >= 25, 10_000, "25 audio frames");
    const frames = c.audio.items.slice(0, 25);
    // 480 samples = 20 ms at 24 kHz: one frame per slot of the call's clock, as on WebRTC.
    expect(new Set(frames.map((f) => f.pcm.length))).toEqual(new Set([480]));
    expect(rms(Int16Array.from(frames.flatMap((f) => Array.from(f.pcm))))).toBeGreaterThan(0.01);
    await c.messages.wait((m) => m.type === "bot-stopped-speaking", 20_000, "bot-stopped-speaking");
    await c.close();
    await server.whenIdle(10_000);
    expect(server.stats().clockSubscribers).toBe(0);
  });

  it("a tone in → VAD events and an answer; speaking over the answer interrupts it and the audio stops", async () => {
    const c = new WsCaller(server.url);
    await c.connect();
    await c.ready();
    c.startAudio(tone(440, 1.2, 0.4, 16000));
    await c.messages.wait((m) => m.type === "user-started-speaking", 10_000, "user-started-speaking");
    await c.messages.wait((m) => m.type === "user-stopped-speaking", 10_000, "user-stopped-speaking");
    const ut = await c.messages.wait((m) => m.type === "user-transcription", 10_000, "user-transcription");
    expect(String(ut.data?.text)).toMatch(/^\[speech, 1\.\d s\]$/);
    await c.messages.wait((m) => m.type === "bot-started-speaking", 15_000, "bot-started-speaking");
    await c.audio.wait(() => c.audio.items.length >= 30, 10_000, "bot audio");
    c.startAudio(tone(660, 0.6, 0.4, 16000));
    await c.messages.wait((m) => m.type === "bot-interrupted", 10_000, "bot-interrupted");
    const cut = c.audio.items.length;
    // The call's queue is cleared first (bot-stopped-speaking), then bot-interrupted is told.
    await c.messages.wait((m) => m.type === "bot-stopped-speaking", 5000, "bot-stopped-speaking");
    // The queue was flushed, not played out: at most the frames already on the wire arrive after.
    await c.messages.wait((m) => m.type === "user-transcription" && m !== ut, 10_000, "second user transcript");
    const beforeNext = c.audio.items.length;
    expect(beforeNext - cut).toBeLessThanOrEqual(3);
    c.stopAudio();
    await c.close();
    await server.whenIdle(10_000);
  });

  it("the upgrade is checked like an offer: ticket, one use, Origin, Host; START_TOKEN and MAX_CALLS hold", async () => {
    const { body } = await post(server.url, "/start", {}, WS_BODY);
    const wsUrl = String(body.wsUrl);
    const token = String(body.token);
    expect(await upgradeStatus(wsUrl)).toBe(401);
    expect(await upgradeStatus(`${wsUrl}?token=${"A".repeat(32)}`)).toBe(401);
    expect(await upgradeStatus(`${wsUrl}?token=${token}`, { origin: "http://evil.example" })).toBe(403);
    expect(await upgradeStatus(`${wsUrl}?token=${token}`, { host: "evil.example" })).toBe(403);
    expect(await upgradeStatus(`${server.url.replace("http", "ws")}/ws/nope?token=${token}`)).toBe(404);
    expect(server.stats().calls).toBe(0);
    const c = new WsCaller(server.url, { origin: server.url });
    await c.connect({ wsUrl, token });
    expect(server.stats().calls).toBe(1);
    // The ticket is spent: a second socket for the same session is refused.
    expect(await upgradeStatus(`${wsUrl}?token=${token}`)).toBe(404);
    await c.close();
    await server.whenIdle(10_000);

    expect((await post(guarded.url, "/start", {}, WS_BODY)).status).toBe(401);
    const a = new WsCaller(guarded.url, { startToken: "s3cret" });
    await a.connect();
    await a.ready();
    const b = new WsCaller(guarded.url, { startToken: "s3cret" });
    await expect(b.connect()).rejects.toThrow(/503/);
    await a.close();
    await guarded.whenIdle(10_000);
  });

  it("the message gate of the data channel applies: oversized messages are dropped with a non-fatal error", async () => {
    const c = new WsCaller(server.url);
    await c.connect();
    await c.ready();
    c.sendRtvi("client-message", { t: "echo", d: "x".repeat(20_000) }, "big");
    const err = await c.messages.wait((m) => m.type === "error", 5000, "error");
    expect(err.data).toMatchObject({ fatal: false });
    expect(c.messages.items.some((m) => m.id === "big")).toBe(false);
    c.sendRtvi("client-message", { t: "echo", d: 1 }, "small");
    expect((await c.messages.wait((m) => m.id === "small", 5000)).data).toEqual({ t: "echo", d: { echo: 1 } });
    await c.close();
    await server.whenIdle(10_000);
  });
});
