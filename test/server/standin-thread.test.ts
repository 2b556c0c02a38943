import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { liveUrl, parseFrame } from "../../example-app/server/gemini/protocol.js";
import { buildSetup } from "../../example-app/server/gemini/setup.js";
import { startServer, type RunningServer } from "../../example-app/server/server.js";
import { standInThreads } from "../../example-app/server/standin/thread.js";
import { Waitable } from "./helpers.js";

type Msg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});


describe("the offline stand-in on its own thread", () => {
  it("serves Gemini Live from a worker thread and speaks to the bridge as before", async () => {
    const before = standInThreads();
    server = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, synth: "tones", understand: false });
    expect(standInThreads()).toBe(before + 1);
    const ws = new WebSocket(liveUrl(server.standInUrl!, "v1beta", "k"));
    const msgs = new Waitable<Msg>();
    ws.on("message", (d) => msgs.push(parseFrame(d)!));
    await new Promise((r) => ws.once("open", r));
    ws.send(JSON.stringify(buildSetup({ model: "m", voice: "v", systemInstruction: "s" }, undefined)));
    await msgs.wait((m) => "setupComplete" in m, 5000);
    ws.send(JSON.stringify({ clientContent: { turns: [{ role: "user", parts: [{ text: "hello" }] }], turnComplete: true } }));
    await msgs.wait((m) => m.serverContent?.turnComplete === true, 10_000);
    const said = msgs.items.map((m) => m.serverContent?.outputTranscription?.text ?? "").join("");
    expect(said).toMatch(/You typed: hello/);
    ws.close();
  });

  it("logs through the server's logger, under [stand-in], redacted like every other line", async () => {
    const lines: string[] = [];
    server = await startServer({ port: 0, geminiApiKey: "", logSink: (_l, line) => lines.push(line), synth: "tones", understand: false });
    expect(lines.find((l) => l.includes("WARN [stand-in] espeak-ng not found"))).toBeDefined();
  });

  it("ends with the server: close() leaves no thread behind", async () => {
    const before = standInThreads();
    server = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, synth: "tones", understand: false });
    const url = server.standInUrl!;
    await server.close();
    server = undefined;
    expect(standInThreads()).toBe(before);
    const ws = new WebSocket(liveUrl(url, "v1beta", "k"));
    const err = await new Promise<Error>((resolve) => ws.once("error", resolve));
    expect(err.message).toMatch(/ECONNREFUSED/);
  });

  it("is not started when the server talks to Gemini", async () => {
    const before = standInThreads();
    server = await startServer({ port: 0, geminiApiKey: "a-key", geminiWsUrl: "ws://127.0.0.1:9", logSink: () => undefined });
    expect(server.standInUrl).toBeUndefined();
    expect(standInThreads()).toBe(before);
  });
});
