import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "../../example-app/server/http/limits.js";
import { ChannelGate } from "../../example-app/server/peer.js";
import { configFromEnv } from "../../example-app/server/config.js";
import { createLogger } from "../../example-app/server/logger.js";
import { Metrics } from "../../example-app/server/metrics.js";
import { SessionManager } from "../../example-app/server/sessions.js";
import { startServer, type RunningServer } from "../../example-app/server/server.js";
import { TestClient, Waitable } from "./helpers.js";
import { post, raw } from "./raw.js";

const quiet = { port: 0, host: "127.0.0.1", geminiApiKey: "", logSink: () => undefined };

describe("RateLimiter", () => {
  it("lets perMinute through, then says how long to wait, and refills", () => {
    let now = 0;
    const l = new RateLimiter(3, 10_000, () => now);
    expect([l.take("a"), l.take("a"), l.take("a")]).toEqual([0, 0, 0]);
    expect(l.take("a")).toBe(20_000);
    expect(l.take("b")).toBe(0);
    now = 20_000;
    expect(l.take("a")).toBe(0);
    expect(l.take("a")).toBeGreaterThan(0);
  });

  it("keeps at most maxKeys addresses", () => {
    const l = new RateLimiter(1, 100);
    for (let i = 0; i < 1000; i++) l.take(`10.0.${i >> 8}.${i & 255}`);
    expect(l.size).toBe(100);
  });
});

describe("ChannelGate", () => {
  it("passes bursts of twice the rate, drops the rest and oversized messages, then calls a flood", () => {
    let now = 0;
    const g = new ChannelGate(100, 10, () => now);
    const verdicts = Array.from({ length: 25 }, () => g.check("x"));
    expect(verdicts.filter((v) => v === null)).toHaveLength(20);
    expect(verdicts.slice(20)).toEqual(Array(5).fill("too fast"));
    now = 1000;
    expect(g.check("x".repeat(101))).toBe("too large");
    expect(g.check(Buffer.alloc(101))).toBe("too large");
    expect(g.check("x")).toBeNull();
    let last: ReturnType<ChannelGate["check"]> = null;
    for (let i = 0; i < 6000 && last !== "flood"; i++) last = g.check("x");
    expect(last).toBe("flood");
  });
});

describe("pending sessions (SessionManager, fake clock)", () => {
  afterEach(() => vi.useRealTimers());
  it("caps unused sessions per address and in total, and expires them", () => {
    vi.useFakeTimers();
    const config = { ...configFromEnv({}), maxPendingSessionsPerClient: 2, maxPendingSessions: 3, pendingSessionTtlMs: 30_000 };
    const m = new SessionManager({ config, mode: "offline-demo", gemini: { apiKey: "x", model: "m", voice: "v", systemInstruction: "" }, logger: createLogger({ sink: () => undefined }), metrics: new Metrics() });
    m.createSession("a");
    m.createSession("a");
    expect(() => m.createSession("a")).toThrow(expect.objectContaining({ status: 429, headers: { "retry-after": "30" } }));
    m.createSession("b");
    expect(() => m.createSession("c")).toThrow(expect.objectContaining({ status: 503 }));
    expect(m.stats().pendingSessions).toBe(3);
    vi.advanceTimersByTime(31_000 + 10_000);
    expect(m.stats()).toMatchObject({ sessions: 0, pendingSessions: 0 });
    expect(m.createSession("a")).toMatch(/^[0-9a-f-]{36}$/);
    m.closeAll();
  });
});

describe("the server under floods and bad input", () => {
  let server: RunningServer;
  const logs: string[] = [];
  beforeAll(async () => {
    server = await startServer({ ...quiet, logSink: (_l, line) => logs.push(line), startPerMin: 12, maxPendingSessionsPerClient: 5, offersPerMin: 4, maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("/start from one address: held at the pending cap, then rate-limited with Retry-After; another address is still served", async () => {
    const rs = [];
    for (let i = 0; i < 20; i++) rs.push(await post(server.url, "/start"));
    const statuses = rs.map((r) => r.status);
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(200));
    expect(statuses.slice(5)).toEqual(Array(15).fill(429));
    expect(rs[5]!.body.error).toMatch(/unused sessions/);
    expect(rs[19]!.body.error).toMatch(/Too many \/start requests/);
    expect(Number(rs[19]!.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(server.stats().pendingSessions).toBe(5);
    expect((await post(server.url, "/start", {}, "{}", "127.0.0.2")).status).toBe(200);
  });

  it("offers are rate-limited per address; SDP, candidate lists and types are bounded", async () => {
    const from = "127.0.0.3";
    const big = await post(server.url, "/api/offer", {}, JSON.stringify({ sdp: "v=0\r\n" + "a=x\r\n".repeat(8000) }), from);
    expect(big.status).toBe(413);
    expect(big.body.error).toMatch(/SDP larger/);
    expect((await post(server.url, "/api/offer", {}, JSON.stringify({ sdp: "v=0\r\n", restart_pc: "yes" }), from)).body.error).toBe("restart_pc must be a boolean");
    const patch = (body: unknown) => raw(server.url, "/api/offer", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(body), from: "127.0.0.4" });
    expect((await patch({ pc_id: "p", candidates: Array(65).fill({ candidate: "c" }) })).status).toBe(413);
    expect((await patch({ pc_id: "p", candidates: [{ candidate: 5 }] })).body.error).toMatch(/string candidate/);
    expect((await patch({ pc_id: "p", candidates: [{ candidate: "c", sdp_mline_index: "0" }] })).status).toBe(400);
    await post(server.url, "/api/offer", {}, "{}", from);
    await post(server.url, "/api/offer", {}, "{}", from);
    const limited = await post(server.url, "/api/offer", {}, "{}", from);
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("15");
  });

  it("malformed percent-encoding and request targets are 400s, not 500s, and log no error", async () => {
    const r = await post(server.url, "/sessions/%E0%A4%A/api/offer", {}, "{}", "127.0.0.5");
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/percent-encoding/);
    expect(logs.filter((l) => l.includes(" ERROR "))).toEqual([]);
    expect((await raw(server.url, "/api/status")).status).toBe(200);
  });
});

describe("concurrent offers never overshoot MAX_CALLS", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ ...quiet, maxCalls: 3, offersPerMin: 0, startPerMin: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("3 × MAX_CALLS simultaneous offers give MAX_CALLS calls and Gemini sockets, the rest 503", async () => {
    const clients = Array.from({ length: 9 }, () => new TestClient(server.url, { viaStart: false, decode: false }));
    const peak = new Waitable<number>(false);
    let most = 0;
    const results = await Promise.allSettled(
      clients.map((c) =>
        c.connect().finally(() => {
          most = Math.max(most, server.stats().calls, server.stats().geminiSockets);
          peak.push(most);
        }),
      ),
    );
    const refused = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(refused).toHaveLength(6);
    for (const e of refused) expect(e).toMatch(/offer 503 .*Too many calls/);
    expect(most).toBe(3);
    expect(server.stats()).toMatchObject({ calls: 3, geminiSockets: 3 });
    await Promise.all(clients.map((c) => c.close()));
    await server.whenIdle(30_000);
  });
});

describe("data-channel gate on a live call", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ ...quiet, dcMessagesPerSec: 2 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("a burst of 100 messages: a few answered, the rest dropped, the caller told once", async () => {
    const c = new TestClient(server.url, { decode: false });
    await c.connect();
    server.metrics.reset();
    for (let i = 0; i < 100; i++) c.sendRtvi("client-message", { t: "echo", d: i }, `m${i}`);
    const notice = await c.messages.wait((m) => m.type === "error" && /data channel messages a second/.test(String(m.data?.error)), 15_000, "gate notice");
    expect(notice.data?.fatal).toBe(false);
    const counted = await waitFor(() => server.metrics.snapshot(), (s) => s.channelAdmitted + s.channelDropped >= 100);
    expect(counted.channelDropped).toBeGreaterThan(80);
    expect(c.messages.items.filter((m) => m.type === "server-response").length).toBeLessThan(20);
    await c.close();
    await server.whenIdle(30_000);
  });
});

async function waitFor<T>(probe: () => T, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (let v = probe(); ; v = probe()) {
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met: ${JSON.stringify(v)}`);
    await new Promise((r) => setImmediate(r));
  }
}

describe("ChannelGate: typed turns", () => {
  it("send-text has its own slower bucket; other messages still pass", () => {
    let now = 0;
    const g = new ChannelGate(0, 100, () => now, 1);
    const text = JSON.stringify({ label: "rtvi-ai", type: "send-text", data: { content: "hi" } });
    expect([g.check(text), g.check(text), g.check(text)]).toEqual([null, null, "too fast"]);
    expect(g.check('{"label":"rtvi-ai","type":"client-message","data":{"t":"x"}}')).toBeNull();
    now = 1000;
    expect(g.check(text)).toBeNull();
  });
});
