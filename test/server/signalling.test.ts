import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../example-app/server/server.js";
import { TestClient } from "./helpers.js";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", geminiApiKey: "", logSink: () => undefined, synth: "espeak-ng" });
});
afterAll(async () => {
  await server.close();
});

describe("SmallWebRTC signalling against a werift client", () => {
  it("offer/answer over /start + /sessions/:id/api/offer, ICE on loopback, client-ready → bot-ready", async () => {
    const c = new TestClient(server.url);
    await c.connect();
    expect(c.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(c.pcId).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await c.ready();
    expect(ready.label).toBe("rtvi-ai");
    expect(ready.data).toMatchObject({ version: "2.1.0", about: { mode: "offline-demo" } });
    const st = (await (await fetch(`${server.url}/api/status`)).json()) as { mode: string; calls: number };
    expect(st).toMatchObject({ mode: "offline-demo", calls: 1 });

    c.sendRtvi("client-message", { t: "status", d: { x: 1 } }, "cm-1");
    const resp = await c.messages.wait((m) => m.type === "server-response" && m.id === "cm-1");
    expect(resp.data).toEqual({ t: "status", d: { mode: "offline-demo", call_id: c.pcId, video: { frames: 0, pictures: 0, sent: 0, bytes: 0, active: [] } } });
    c.sendRtvi("client-message", { t: "echo", d: [1, 2] }, "cm-2");
    expect((await c.messages.wait((m) => m.id === "cm-2")).data).toEqual({ t: "echo", d: { echo: [1, 2] } });

    c.sendRtvi("send-text", { content: "hello there", options: { run_immediately: true, audio_response: true } }, "st-1");
    const out = await c.messages.wait((m) => m.type === "bot-output", 20_000, "bot-output");
    expect(out.data).toMatchObject({ spoken: true, aggregated_by: "sentence" });
    // The offline bot greets back (the timing-only stand-in, STANDIN_UNDERSTAND=0, echoes the text).
    expect(String(out.data?.text)).toMatch(/^Hello!|You typed:/);
    await c.messages.wait((m) => m.type === "bot-stopped-speaking", 20_000, "bot-stopped-speaking");
    const types = c.messages.items.map((m) => m.type);
    for (const t of ["user-llm-text", "bot-llm-started", "bot-tts-started", "bot-started-speaking", "bot-llm-text", "bot-tts-text", "bot-llm-stopped", "bot-tts-stopped"]) {
      expect(types).toContain(t);
    }
    expect(types.indexOf("bot-started-speaking")).toBeLessThan(types.indexOf("bot-stopped-speaking"));

    c.sendRtvi("disconnect-bot", {});
    await c.messages.wait(() => c.raw.some((r) => r.includes('"peerLeft"')), 5000, "peerLeft");
    await server.whenIdle(10_000);
    await c.close();
  });

  it("plain /api/offer, renegotiation keeps the pc_id, restart_pc swaps the peer, PATCH candidates", async () => {
    const c = new TestClient(server.url, { viaStart: false });
    await c.connect();
    await c.ready();
    const first = c.pcId;
    await c.negotiate(false);
    expect(c.pcId).toBe(first);
    const patch = await fetch(`${server.url}/api/offer`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pc_id: first, candidates: [{ candidate: "candidate:1 1 udp 1 127.0.0.1 9 typ host", sdp_mid: "0", sdp_mline_index: 0 }] }),
    });
    expect(patch.status).toBe(200);
    expect(server.stats().calls).toBe(1);

    const again = new TestClient(server.url, { restartOf: { offerUrl: c.offerUrl, pcId: first } });
    await again.connect();
    expect(again.pcId).toBe(first);
    expect(server.stats()).toMatchObject({ calls: 1 });
    await again.ready();
    await c.close();
    await again.close();
    await server.whenIdle(20_000);
    expect(server.stats()).toMatchObject({ calls: 0, peers: 0, geminiSockets: 0 });
  });
});
