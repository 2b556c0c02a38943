import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { GeminiLiveClient, type GeminiEvents } from "../../example-app/server/gemini/client.js";
import { buildSetup } from "../../example-app/server/gemini/setup.js";
import { liveUrl, parseFrame } from "../../example-app/server/gemini/protocol.js";
import { createLogger } from "../../example-app/server/logger.js";
import { standInPerFile, Waitable } from "./helpers.js";

type Msg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const logger = createLogger({ sink: () => undefined });
const standIn = standInPerFile({ logger, engine: "tones" });

const jpeg = (colour: string, size: string): Buffer =>
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", `color=c=${colour}:s=${size}`, "-frames:v", "1", "-c:v", "mjpeg", "-f", "image2pipe", "pipe:1"]);

async function socket() {
  const ws = new WebSocket(liveUrl(standIn().url, "v1beta", "k"));
  const msgs = new Waitable<Msg>();
  ws.on("message", (d) => msgs.push(parseFrame(d)!));
  await new Promise((r) => ws.once("open", r));
  const send = (m: unknown): void => ws.send(JSON.stringify(m));
  send(buildSetup({ model: "m", voice: "v", systemInstruction: "s" }, undefined));
  await msgs.wait((m) => "setupComplete" in m, 5000);
  const said = async (): Promise<string> => {
    await msgs.wait((m) => m.serverContent?.turnComplete === true, 20_000);
    return msgs.items.map((m) => m.serverContent?.outputTranscription?.text ?? "").join("");
  };
  return { ws, msgs, send, said };
}

describe("the stand-in sees", () => {
  it("answers 'what do you see' from the latest realtimeInput.video picture: its colour and size", async () => {
    const { ws, send, said } = await socket();
    send({ realtimeInput: { video: { mimeType: "image/jpeg", data: jpeg("0x2050d0", "320x240").toString("base64") } } });
    send({ realtimeInput: { video: { mimeType: "image/jpeg", data: jpeg("0xd02020", "640x480").toString("base64") } } });
    send({ clientContent: { turns: [{ role: "user", parts: [{ text: "What do you see?" }] }], turnComplete: true } });
    expect(await said()).toMatch(/red picture, 640 by 480/);
    ws.close();
  });

  it("with no picture it says so instead of making one up", async () => {
    const { ws, send, said } = await socket();
    send({ realtimeInput: { text: "what can you see" } });
    expect(await said()).toMatch(/cannot see anything/);
    ws.close();
  });

  it("GeminiLiveClient.sendVideo puts the JPEG on the socket as realtimeInput.video image/jpeg", async () => {
    const transcript: string[] = [];
    const done = new Waitable<string>();
    const noop = () => undefined;
    const events: GeminiEvents = {
      onAudio: noop, onInputTranscription: noop, onInterimInputTranscription: noop, onInterrupted: noop, onGenerationComplete: noop,
      onOutputTranscription: (t: string) => transcript.push(t),
      onTurnComplete: () => done.push("turn"),
      onWaitingForInput: noop, onToolCall: noop, onToolCallCancellation: noop, onUsage: noop, onGrounding: noop, onGoAway: noop, onReconnecting: noop, onResumed: noop, onClosed: noop,
    } as unknown as GeminiEvents;
    const client = new GeminiLiveClient({ apiKey: "k", url: standIn().url, model: "m", voice: "v", systemInstruction: "s", logger }, events);
    await client.connect();
    expect(client.sendVideo(jpeg("0x20c040", "640x360"))).toBe(true);
    client.sendText("what do you see");
    await done.wait(() => true, 20_000);
    expect(transcript.join("")).toMatch(/green picture, 640 by 360/);
    client.close();
    expect(client.sendVideo(jpeg("0x20c040", "64x36"))).toBe(false);
  });
});
