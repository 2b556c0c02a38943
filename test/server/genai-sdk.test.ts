/**
 * Code we did not write against the stand-in: @google/genai's own Live client (2.x) connects,
 * sends and parses every message; and the bridge's setup frame and URL equal the SDK's.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { GoogleGenAI, Modality, type FunctionDeclaration, type LiveConnectConfig, type LiveServerMessage, type Session } from "@google/genai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";
import { demoToolDeclarations } from "../../example-app/server/bots/tools.js";
import { liveUrl } from "../../example-app/server/gemini/protocol.js";
import { buildSetup } from "../../example-app/server/gemini/setup.js";
import { createLogger } from "../../example-app/server/logger.js";
import { startStandIn, type StandIn } from "../../example-app/server/standin/server.js";
import { Waitable } from "./helpers.js";

const logger = createLogger({ sink: () => undefined });
const SYSTEM = "You are a test.";
const config: LiveConnectConfig = {
  responseModalities: [Modality.AUDIO],
  speechConfig: { voiceConfig: { prebuiltVoiceConfig: { voiceName: "Kore" } }, languageCode: "cmn-CN" },
  systemInstruction: { parts: [{ text: SYSTEM }] },
  tools: [{ functionDeclarations: demoToolDeclarations as FunctionDeclaration[] }],
  sessionResumption: {},
  inputAudioTranscription: {},
  outputAudioTranscription: {},
  contextWindowCompression: { slidingWindow: {} },
};

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ logger, engine: "tones", goAwayAfterSec: 4, goAwayGraceSec: 1 });
});
afterAll(async () => {
  await standIn.close();
});

function sdk(apiKey = "k", apiVersion = "v1beta", base = standIn.baseUrl): GoogleGenAI {
  return new GoogleGenAI({ apiKey, httpOptions: { baseUrl: base.replace(/^ws/, "http"), apiVersion } });
}

async function connect(cfg: LiveConnectConfig = config): Promise<{ session: Session; msgs: Waitable<LiveServerMessage>; closed: Promise<CloseEvent> }> {
  const msgs = new Waitable<LiveServerMessage>();
  let onClose: (e: CloseEvent) => void = () => undefined;
  const closed = new Promise<CloseEvent>((r) => (onClose = r));
  const session = await sdk().live.connect({ model: "gemini-3.8-live", config: cfg, callbacks: { onmessage: (m) => msgs.push(m), onclose: (e) => onClose(e) } });
  return { session, msgs, closed };
}

function speech(voiced: number, silent: number): string {
  const out = new Int16Array(Math.round((voiced + silent) * 16000));
  for (let i = 0; i < voiced * 16000; i++) out[i] = Math.round(12000 * Math.sin((2 * Math.PI * 300 * i) / 16000));
  return Buffer.from(out.buffer).toString("base64");
}

/** Everything the model said (output transcription), spaces removed: Han text comes a character at a time. */
function said(msgs: LiveServerMessage[]): string {
  return msgs.map((m) => m.serverContent?.outputTranscription?.text ?? "").join("").replace(/\s+/g, "");
}

const KNOWN = ["setupComplete", "serverContent", "toolCall", "toolCallCancellation", "usageMetadata", "goAway", "sessionResumptionUpdate"];

describe("@google/genai Live client ↔ stand-in", () => {
  it("audio in, both transcriptions, a tool call answered with sendToolResponse, turnComplete false then true, handles, goAway", async () => {
    const { session, msgs, closed } = await connect();
    session.sendRealtimeInput({ audio: { data: speech(1.2, 0.9), mimeType: "audio/pcm;rate=16000" } });
    const heard = await msgs.wait((m) => !!m.serverContent?.inputTranscription?.text, 10_000, "inputTranscription");
    expect(heard.serverContent?.inputTranscription?.text).toMatch(/^\[speech, 1\.[12] s\]$/);
    // languageCode cmn-CN: the stand-in answers in Mandarin.
    const firstDone = await msgs.wait((m) => m.serverContent?.turnComplete === true, 20_000, "turnComplete");
    expect(said(msgs.items)).toMatch(/我听到了大约1\.[12]秒的语音/);
    const at = msgs.items.indexOf(firstDone);
    // generationComplete comes first, then turnComplete once the audio has played, then usage.
    expect(msgs.items.slice(0, at).some((m) => m.serverContent?.generationComplete)).toBe(true);
    const usage = await msgs.wait((m) => !!m.usageMetadata, 5000, "usageMetadata");
    expect(usage.usageMetadata?.totalTokenCount).toBeGreaterThan(0);

    const before = msgs.items.length;
    session.sendClientContent({ turns: [{ role: "user", parts: [{ text: "first part," }] }], turnComplete: false });
    session.sendClientContent({ turns: [{ role: "user", parts: [{ text: "what time is it" }] }], turnComplete: true });
    const call = await msgs.wait((m) => !!m.toolCall, 10_000, "toolCall");
    // turnComplete:false was honoured: no answer started (or was cut) for the first part alone.
    const between = msgs.items.slice(before, msgs.items.indexOf(call));
    expect(between.filter((m) => m.serverContent?.interrupted || m.sessionResumptionUpdate?.resumable === false)).toEqual([]);
    const fc = call.toolCall!.functionCalls![0]!;
    expect(fc.name).toBe("get_current_time");
    session.sendToolResponse({ functionResponses: [{ id: fc.id, name: fc.name, response: { result: "noon" } }] });
    await msgs.wait((m) => m.serverContent?.turnComplete === true && msgs.items.indexOf(m) > msgs.items.indexOf(call), 20_000, "the answer's turnComplete");
    expect(said(msgs.items.slice(msgs.items.indexOf(call)))).toMatch(/noon/);

    const handle = msgs.items.find((m) => m.sessionResumptionUpdate?.resumable && m.sessionResumptionUpdate.newHandle);
    expect(handle?.sessionResumptionUpdate?.newHandle).toMatch(/^standin-/);
    const away = await msgs.wait((m) => !!m.goAway, 10_000, "goAway");
    expect(away.goAway?.timeLeft).toBe("1s");
    expect((await closed).code).toBe(1000);
    // The SDK parsed every frame into a message with at least one field it knows.
    for (const m of msgs.items) expect(Object.keys(m).some((k) => KNOWN.includes(k))).toBe(true);

    // The latest handle resumes the same conversation on a new connection.
    const latest = msgs.items.filter((m) => m.sessionResumptionUpdate?.newHandle).at(-1)!.sessionResumptionUpdate!.newHandle!;
    const again = await connect({ ...config, sessionResumption: { handle: latest } });
    again.session.sendClientContent({ turns: [{ role: "user", parts: [{ text: "back again" }] }], turnComplete: true });
    await again.msgs.wait((m) => m.serverContent?.turnComplete === true, 20_000, "answer after resuming");
    expect(said(again.msgs.items)).toMatch(/backagain/);
    again.session.close();
  });

  it("a wrong key or path is refused the way the service refuses it", async () => {
    const own = await startStandIn({ logger, engine: "tones", apiKey: "right" });
    try {
      let code = 0;
      const closed = new Promise<void>((resolve) => {
        void sdk("wrong", "v1beta", own.baseUrl).live.connect({ model: "m", config: {}, callbacks: { onmessage: () => {}, onclose: (e) => ((code = e.code), resolve()) } });
      });
      await closed;
      expect(code).toBe(1007);
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`${own.baseUrl}/ws/google.ai.generativelanguage.v9.GenerativeService.BidiGenerateContent?key=right`);
        ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.on("open", () => (resolve(101), ws.close()));
        ws.on("error", () => undefined);
      });
      expect(status).toBe(404);
    } finally {
      await own.close();
    }
  });
});

describe("the bridge sends what the SDK sends", () => {
  async function capture(apiKey: string, apiVersion: string): Promise<{ url: string; setup: unknown; base: string }> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    const base = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const got = new Promise<{ url: string; setup: unknown }>((resolve) =>
      wss.on("connection", (ws, req) =>
        ws.on("message", (d) => {
          resolve({ url: req.url ?? "", setup: JSON.parse(String(d)) });
          ws.send(JSON.stringify({ setupComplete: {} }));
        }),
      ),
    );
    const session = await sdk(apiKey, apiVersion, base).live.connect({ model: "gemini-3.8-live", config, callbacks: { onmessage: () => {} } });
    const result = await got;
    session.close();
    wss.close();
    http.closeAllConnections();
    http.close();
    return { ...result, base };
  }

  it("the same setup frame for the same config", async () => {
    const { setup } = await capture("k", "v1beta");
    const ours = buildSetup({ model: "gemini-3.8-live", voice: "Kore", language: "cmn-CN", systemInstruction: SYSTEM, tools: demoToolDeclarations }, undefined);
    expect(ours).toEqual(setup);
  });

  it("the same endpoint for a key and for an ephemeral token (BidiGenerateContentConstrained, access_token)", async () => {
    for (const [key, version] of [["k", "v1beta"], ["auth_tokens/abc", "v1alpha"]] as const) {
      const { url, base } = await capture(key, version);
      const ours = new URL(liveUrl(base, version, key));
      const theirs = new URL(url.replace(/^\/+/, "/"), base);
      expect(ours.pathname).toBe(theirs.pathname);
      expect([...ours.searchParams]).toEqual([...theirs.searchParams]);
    }
  });
});
