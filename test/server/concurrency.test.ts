import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../example-app/server/server.js";
import { TestClient } from "./helpers.js";

let server: RunningServer;
beforeAll(async () => {
  // Set, not the default: this test is about isolation, not the real-time cap.
  server = await startServer({ port: 0, geminiApiKey: "", maxCalls: 20, logSink: () => undefined });
});
afterAll(async () => {
  await server.close();
});

describe("many callers at once", () => {
  it("20 concurrent sessions stay isolated and are all freed at the end", async () => {
    const N = 20;
    const clients = Array.from({ length: N }, () => new TestClient(server.url, { decode: false }));
    // Connect in small waves: 20 DTLS handshakes at once on 2 loaded cores is a test of patience, not of the server.
    for (let i = 0; i < N; i += 5) await Promise.all(clients.slice(i, i + 5).map((c) => c.connect()));
    await Promise.all(clients.map((c) => c.ready()));
    expect(server.stats()).toMatchObject({ calls: N, peers: N, geminiSockets: N });
    expect(new Set(clients.map((c) => c.pcId)).size).toBe(N);
    expect(new Set(clients.map((c) => c.sessionId)).size).toBe(N);

    clients.forEach((c, i) => c.sendRtvi("send-text", { content: `token-${i}-x`, options: {} }));
    await Promise.all(
      clients.map((c, i) => c.messages.wait((m) => m.type === "bot-output" && String(m.data?.text).includes(`token-${i}-x`), 40_000, `answer ${i}`)),
    );
    clients.forEach((c, i) => {
      const all = c.raw.join("\n");
      for (let j = 0; j < N; j++) if (j !== i) expect(all).not.toContain(`token-${j}-x`);
    });

    await Promise.all(clients.map((c) => c.close()));
    await server.whenIdle(30_000);
    expect(server.stats()).toMatchObject({ sessions: 0, calls: 0, peers: 0, geminiSockets: 0, clockSubscribers: 0 });
  });
});
