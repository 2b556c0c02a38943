import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../example-app/server/server.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, geminiApiKey: "", maxBodyBytes: 4096, logSink: () => undefined });
});
afterAll(async () => {
  await server.close();
});

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: { error?: string } & Record<string, unknown>; headers: Headers }> {
  const r = await fetch(server.url + path, init);
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as { error?: string }) : {}, headers: r.headers };
}

const jsonInit = (body: string, method = "POST"): RequestInit => ({ method, headers: { "content-type": "application/json" }, body });

describe("bad requests get a 4xx JSON error, and the server keeps serving", () => {
  it("malformed JSON → 400", async () => {
    const sid = (await call("/start", { method: "POST" })).body.sessionId as string;
    const r = await call(`/sessions/${sid}/api/offer`, jsonInit("{not json"));
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/JSON/);
  });

  it("missing or garbage SDP → 400", async () => {
    const sid = (await call("/start", { method: "POST" })).body.sessionId as string;
    expect((await call(`/sessions/${sid}/api/offer`, jsonInit(JSON.stringify({ type: "offer" })))).status).toBe(400);
    expect((await call("/api/offer", jsonInit(JSON.stringify([1, 2])))).status).toBe(400);
    const bad = await call("/api/offer", jsonInit(JSON.stringify({ sdp: "v=0\r\nnonsense", type: "offer", pc_id: null })));
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("Invalid SDP offer");
  });

  it("unknown session or pc_id → 404", async () => {
    const r = await call("/sessions/00000000-0000-4000-8000-000000000000/api/offer", jsonInit(JSON.stringify({ sdp: "x", type: "offer" })));
    expect(r.status).toBe(404);
    expect(r.body.error).toBe("Unknown session");
    const p = await call("/api/offer", jsonInit(JSON.stringify({ pc_id: "nope", candidates: [] }), "PATCH"));
    expect(p.status).toBe(404);
  });

  it("oversized body → 413", async () => {
    const r = await call("/api/offer", jsonInit(JSON.stringify({ sdp: "x".repeat(10_000), type: "offer" })));
    expect(r.status).toBe(413);
    expect(r.body.error).toMatch(/larger/);
  });

  it("wrong content type → 415", async () => {
    const r = await call("/api/offer", { method: "POST", headers: { "content-type": "text/plain" }, body: "sdp" });
    expect(r.status).toBe(415);
  });

  it("unknown route → 404, wrong method → 405 with Allow", async () => {
    expect((await call("/nope")).status).toBe(404);
    expect((await call("/api/nope")).body.error).toBe("Not found");
    const r = await call("/start");
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toContain("POST");
    expect((await call("/api/offer", { method: "DELETE" })).status).toBe(405);
  });

  it("a preflight without Origin gets no CORS headers; the server still works after all that", async () => {
    const r = await fetch(server.url + "/api/offer", { method: "OPTIONS" });
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
    expect((await call("/api/status")).body).toEqual({ mode: "offline-demo", calls: 0, demo: { speech: expect.any(String), understands: expect.any(Boolean), limits: expect.any(Array) } });
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await call("/start", { method: "POST" })).body.sessionId as string);
    expect(ids.size).toBe(5);
  });
});
