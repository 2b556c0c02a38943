import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../example-app/server/server.js";
import { post, raw } from "./raw.js";

const EVIL = "http://evil.example";
const APP = "http://app.example:5173";
let closed: RunningServer;
let open: RunningServer;
let token: RunningServer;

beforeAll(async () => {
  const quiet = { port: 0, host: "127.0.0.1", geminiApiKey: "", logSink: () => undefined };
  [closed, open, token] = await Promise.all([
    startServer(quiet),
    startServer({ ...quiet, allowedOrigins: [APP] }),
    startServer({ ...quiet, startToken: "s3cret-token" }),
  ]);
});
afterAll(async () => {
  await Promise.all([closed, open, token].map((s) => s.close()));
});

describe("same origin by default", () => {
  it("a foreign Origin cannot start a session or offer, and learns why", async () => {
    const r = await post(closed.url, "/start", { origin: EVIL });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/Origin http:\/\/evil\.example is not allowed.*ALLOWED_ORIGINS/);
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
    expect((await post(closed.url, "/api/offer", { origin: EVIL })).status).toBe(403);
    expect((await raw(closed.url, "/api/offer", { method: "PATCH", headers: { origin: EVIL, "content-type": "application/json" }, body: "{}" })).status).toBe(403);
    expect((await post(closed.url, "/start", { origin: "null" })).status).toBe(403);
    expect(closed.stats().sessions).toBe(0);
  });

  it("a foreign preflight gets no allow headers", async () => {
    const r = await raw(closed.url, "/start", { method: "OPTIONS", headers: { origin: EVIL, "access-control-request-method": "POST" } });
    expect(r.status).toBe(403);
    expect(Object.keys(r.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
  });

  it("the page's own origin and non-browser callers (no Origin) are served, with no CORS headers", async () => {
    const same = await post(closed.url, "/start", { origin: closed.url });
    expect(same.status).toBe(200);
    expect(same.headers["access-control-allow-origin"]).toBeUndefined();
    const localhost = await post(closed.url, "/start", { origin: `http://localhost:${closed.port}`, host: `localhost:${closed.port}` });
    expect(localhost.status).toBe(200);
    expect((await post(closed.url, "/start")).status).toBe(200);
  });

  it("an origin listed in ALLOWED_ORIGINS gets exactly its own origin back; others still do not", async () => {
    const pre = await raw(open.url, "/start", { method: "OPTIONS", headers: { origin: APP, "access-control-request-method": "POST" } });
    expect(pre.status).toBe(204);
    expect(pre.headers["access-control-allow-origin"]).toBe(APP);
    expect(pre.headers["access-control-allow-headers"]).toContain("authorization");
    const r = await post(open.url, "/start", { origin: APP });
    expect(r.status).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBe(APP);
    expect(r.headers.vary).toBe("origin");
    expect((await post(open.url, "/start", { origin: EVIL })).status).toBe(403);
  });

  it("ALLOWED_ORIGINS that is not a list of origins stops the start", async () => {
    await expect(startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, allowedOrigins: ["not an origin"] })).rejects.toThrow(/ALLOWED_ORIGINS/);
  });
});

describe("Host check on loopback (DNS rebinding)", () => {
  it("a Host naming another site gets 403, even for static files and status", async () => {
    const r = await raw(closed.url, "/api/status", { headers: { host: `evil.example:${closed.port}` } });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatch(/Host "evil\.example:\d+" is not served here/);
    // The rebinding page's fetch is same-origin to itself: Origin and Host agree, the Host check still refuses.
    const rebind = await post(closed.url, "/start", { host: "evil.example", origin: "http://evil.example" });
    expect(rebind.status).toBe(403);
    expect(rebind.body.error).toMatch(/Host/);
  });

  it("loopback names are served", async () => {
    for (const host of [`127.0.0.1:${closed.port}`, `localhost:${closed.port}`, "localhost"]) {
      expect((await raw(closed.url, "/api/status", { headers: { host } })).status).toBe(200);
    }
  });
});

describe("START_TOKEN", () => {
  it("/start and the offer routes need the bearer token; status does not", async () => {
    const none = await post(token.url, "/start");
    expect(none.status).toBe(401);
    expect(none.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect((await post(token.url, "/start", { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await post(token.url, "/api/offer")).status).toBe(401);
    const ok = await post(token.url, "/start", { authorization: "Bearer s3cret-token" });
    expect(ok.status).toBe(200);
    const sid = ok.body.sessionId as string;
    expect((await post(token.url, `/sessions/${sid}/api/offer`, {}, JSON.stringify({ sdp: "x" }))).status).toBe(401);
    // With the token the request reaches the offer checks (and fails them for this garbage SDP).
    expect((await post(token.url, `/sessions/${sid}/api/offer`, { authorization: "Bearer s3cret-token" }, JSON.stringify({ sdp: "x" }))).status).toBe(400);
    expect((await raw(token.url, "/api/status")).status).toBe(200);
  });
});
