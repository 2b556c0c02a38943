import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../example-app/server/logger.js";
import { startServer, type RunningServer } from "../../example-app/server/server.js";
import { startStandIn, type StandIn } from "../../example-app/server/standin/server.js";
import { TestClient } from "./helpers.js";

const KEY = "test-key-SECRET";
const lines: string[] = [];
let standIn: StandIn;
let server: RunningServer;
let broken: RunningServer;

beforeAll(async () => {
  process.env.GEMINI_API_KEY = KEY;
  const logger = createLogger({ level: "debug", sink: (_l, line) => lines.push(line) });
  standIn = await startStandIn({ logger });
  // Config from env (the key), endpoint overridden to the local stand-in.
  server = await startServer({ port: 0, geminiWsUrl: standIn.url, logger });
  // A second server whose "Gemini" refuses connections: the failure path must not leak the key either.
  broken = await startServer({ port: 0, geminiWsUrl: "ws://127.0.0.1:9/nothing-here", logger });
});
afterAll(async () => {
  delete process.env.GEMINI_API_KEY;
  await server.close();
  await broken.close();
  await standIn.close();
});

describe("the Gemini API key never leaves the server", () => {
  it("is absent from every response body, header, data-channel message and log line", async () => {
    expect(server.mode).toBe("gemini");
    const seen: string[] = [];
    const record = async (r: Response): Promise<void> => {
      seen.push(JSON.stringify([...r.headers.entries()]), await r.text());
    };
    for (const [path, init] of [
      ["/api/status", {}],
      ["/start", { method: "POST" }],
      ["/api/offer", { method: "POST", headers: { "content-type": "application/json" }, body: "{bad" }],
      ["/api/offer", { method: "PUT" }],
      ["/nope", {}],
      ["/sessions/x/api/offer", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }],
    ] as const) {
      await record(await fetch(server.url + path, init as RequestInit));
      await record(await fetch(broken.url + path, init as RequestInit));
    }

    const c = new TestClient(server.url);
    await c.connect();
    const ready = await c.ready();
    expect(ready.data).toMatchObject({ about: { mode: "gemini" } });
    c.sendRtvi("client-message", { t: "status" }, "s1");
    await c.messages.wait((m) => m.id === "s1");
    c.sendRtvi("send-text", { content: "hello" });
    await c.messages.wait((m) => m.type === "bot-stopped-speaking", 20_000, "answer");
    await c.close();

    const b = new TestClient(broken.url);
    await b.connect();
    const err = await b.messages.wait((m) => m.type === "error", 15_000, "fatal error");
    expect(err.data).toMatchObject({ fatal: true });
    await b.close();
    await server.whenIdle(15_000);
    await broken.whenIdle(15_000);

    const everything = [...seen, ...c.raw, ...b.raw, ...lines].join("\n");
    expect(lines.length).toBeGreaterThan(5);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain("SECRET");
    expect(everything).not.toContain(encodeURIComponent(KEY));
  });

  it("the logger redacts a registered key and any key= URL parameter", () => {
    const out: string[] = [];
    const log = createLogger({ sink: (_l, s) => out.push(s), secrets: [KEY] });
    log.info(`connecting to wss://x/y?key=${KEY}`, { key: KEY });
    log.error("oops", new Error(`bad key ${KEY}`));
    log.warn("url wss://host/path?alt=1&key=abc123");
    expect(out.join("\n")).not.toContain("SECRET");
    expect(out.join("\n")).not.toContain("abc123");
  });
});
