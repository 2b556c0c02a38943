import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { FunctionCallRunner, demoToolDeclarations } from "../../example-app/server/bots/tools.js";
import { buildSetup } from "../../example-app/server/gemini/setup.js";
import { liveUrl, parseFrame } from "../../example-app/server/gemini/protocol.js";
import { createLogger } from "../../example-app/server/logger.js";
import { searchResponse, type RtviMessage } from "../../example-app/server/rtvi.js";
import { standInPerFile, Waitable } from "./helpers.js";

type Msg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const logger = createLogger({ sink: () => undefined });
const standIn = standInPerFile({ logger, engine: "tones" });

async function raw(opts: { googleSearch?: boolean } = {}): Promise<{ ws: WebSocket; msgs: Waitable<Msg>; send: (m: unknown) => void }> {
  const ws = new WebSocket(liveUrl(standIn().url, "v1beta", "k"));
  const msgs = new Waitable<Msg>();
  ws.on("message", (d) => msgs.push(parseFrame(d)!));
  await new Promise((r) => ws.once("open", r));
  const send = (m: unknown): void => ws.send(JSON.stringify(m));
  send(buildSetup({ model: "m", voice: "v", systemInstruction: "s", tools: demoToolDeclarations, googleSearch: opts.googleSearch }, undefined));
  await msgs.wait((m) => "setupComplete" in m, 5000);
  return { ws, msgs, send };
}

const kinds = (msgs: Msg[]): string[] =>
  msgs.flatMap((m) => (m.serverContent ? Object.keys(m.serverContent).filter((k) => k !== "modelTurn" && k !== "outputTranscription") : Object.keys(m)));

describe("the stand-in behaves like the service", () => {
  it("barge-in: interrupted then turnComplete; a finished answer: generationComplete, then turnComplete after playback", async () => {
    const { ws, msgs, send } = await raw();
    send({ realtimeInput: { text: "tell me about the sea" } });
    await msgs.wait((m) => !!m.serverContent?.modelTurn, 10_000);
    send({ clientContent: { turns: [{ role: "user", parts: [{ text: "stop, new question" }] }], turnComplete: true } });
    await msgs.wait((m) => m.serverContent?.turnComplete && msgs.items.some((x) => x.serverContent?.generationComplete), 20_000);
    const k = kinds(msgs.items);
    expect(k.indexOf("interrupted")).toBeGreaterThan(-1);
    expect(k[k.indexOf("interrupted") + 1]).toBe("turnComplete");
    expect(k.slice(k.indexOf("interrupted") + 2)).toContain("generationComplete");
    expect(k.lastIndexOf("turnComplete")).toBeGreaterThan(k.lastIndexOf("generationComplete"));
    expect(k).toContain("usageMetadata");
    ws.close();
  });

  it("audioStreamEnd closes the user's turn; a tool call is cancelled when the user talks over it", async () => {
    const { ws, msgs, send } = await raw();
    const tone = new Int16Array(16000);
    for (let i = 0; i < tone.length; i++) tone[i] = Math.round(12000 * Math.sin((2 * Math.PI * 300 * i) / 16000));
    send({ realtimeInput: { audio: { mimeType: "audio/pcm;rate=16000", data: Buffer.from(tone.buffer).toString("base64") } } });
    send({ realtimeInput: { audioStreamEnd: true } });
    expect((await msgs.wait((m) => !!m.serverContent?.inputTranscription, 5000)).serverContent.inputTranscription.text).toMatch(/^\[speech, 1\.0 s\]$/);
    send({ clientContent: { turns: [{ role: "user", parts: [{ text: "do a slow lookup" }] }], turnComplete: true } });
    const call = await msgs.wait((m) => !!m.toolCall, 5000);
    expect(call.toolCall.functionCalls[0].name).toBe("slow_lookup");
    send({ realtimeInput: { text: "never mind" } });
    const cancel = await msgs.wait((m) => !!m.toolCallCancellation, 5000);
    expect(cancel.toolCallCancellation.ids).toEqual([call.toolCall.functionCalls[0].id]);
    ws.close();
  });

  it("Google Search grounding metadata, mapped to bot-llm-search-response", async () => {
    const { ws, msgs, send } = await raw({ googleSearch: true });
    send({ clientContent: { turns: [{ role: "user", parts: [{ text: "search the news" }] }], turnComplete: true } });
    const g = await msgs.wait((m) => !!m.serverContent?.groundingMetadata, 20_000);
    const out = searchResponse(g.serverContent.groundingMetadata)!;
    expect(out.type).toBe("bot-llm-search-response");
    expect(out.data).toMatchObject({ origins: [{ site_uri: "https://example.com/offline-source-1", results: [{ confidence: [0.9] }] }, { site_title: "example.org", results: [{ confidence: [0.7] }] }] });
    expect(String((out.data as { rendered_content: string }).rendered_content)).toContain("search the news");
    ws.close();
  });

  it("a missing key is refused with 1008", async () => {
    const ws = new WebSocket(standIn().url);
    const code = await new Promise<number>((r) => ws.on("close", (c) => r(c)));
    expect(code).toBe(1008);
  });
});

describe("demo function tools → RTVI", () => {
  it("started, in-progress, stopped with the result; a cancelled call is stopped with cancelled and never answered", async () => {
    const sent = new Waitable<RtviMessage>();
    const responses: unknown[] = [];
    const runner = new FunctionCallRunner((m) => sent.push(m), (r) => responses.push(...r));
    runner.onToolCall([{ id: "a", name: "roll_dice", args: { sides: 20 } }, { id: "b", name: "slow_lookup", args: { topic: "x" } }]);
    const stopped = await sent.wait((m) => m.type === "llm-function-call-stopped", 5000);
    expect(stopped.data).toMatchObject({ function_name: "roll_dice", tool_call_id: "a", cancelled: false, result: { sides: 20 } });
    expect(sent.items.slice(0, 2).map((m) => m.type)).toEqual(["llm-function-call-started", "llm-function-call-in-progress"]);
    expect(sent.items[1]!.data).toEqual({ function_name: "roll_dice", tool_call_id: "a", arguments: { sides: 20 } });
    runner.cancel(["b"]);
    expect(sent.items.at(-1)).toMatchObject({ type: "llm-function-call-stopped", data: { tool_call_id: "b", cancelled: true } });
    expect(responses).toEqual([{ id: "a", name: "roll_dice", response: expect.objectContaining({ sides: 20 }) }]);
    expect(runner.pending).toBe(0);
  });
});
