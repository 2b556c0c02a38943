import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { demoToolDeclarations } from "../../example-app/server/bots/tools.js";
import { GeminiLiveClient, type GeminiEvents } from "../../example-app/server/gemini/client.js";
import { liveUrl, parseFrame } from "../../example-app/server/gemini/protocol.js";
import { buildSetup } from "../../example-app/server/gemini/setup.js";
import { createLogger } from "../../example-app/server/logger.js";
import { splitForSpeech } from "../../example-app/server/speech/chunks.js";
import { recogniserAvailable } from "../../example-app/server/speech/recogniser.js";
import { JOKES } from "../../example-app/server/speech/responder.js";
import { startStandIn, type StandIn } from "../../example-app/server/standin/server.js";
import { Synth } from "../../example-app/server/standin/synth.js";
import { canVoice, voice } from "../../example-app/tools/voice.js";
import { Waitable } from "./helpers.js";

type Msg = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const logger = createLogger({ sink: () => undefined });
const can = recogniserAvailable().ok && canVoice();

/** A Gemini Live session on the stand-in, as the bridge opens it (tools declared). */
async function session(standIn: StandIn, tools = true): Promise<{ ws: WebSocket; msgs: Waitable<Msg>; send: (m: unknown) => void; speak: (text: string) => void }> {
  const ws = new WebSocket(liveUrl(standIn.url, "v1beta", "k"));
  const msgs = new Waitable<Msg>();
  ws.on("message", (d) => msgs.push(parseFrame(d)!));
  await new Promise((r) => ws.once("open", r));
  const send = (m: unknown): void => ws.send(JSON.stringify(m));
  send(buildSetup({ model: "m", voice: "v", systemInstruction: "s", tools: tools ? demoToolDeclarations : undefined }, undefined));
  await msgs.wait((m) => "setupComplete" in m, 5000);
  // The question, then a second of silence for the VAD's hangover; the VAD counts samples, not wall time.
  const speak = (text: string): void => {
    const q = voice(text);
    const pcm = new Int16Array(q.length + 16000);
    pcm.set(q);
    for (let i = 0; i < pcm.length; i += 320) {
      const f = pcm.subarray(i, i + 320);
      send({ realtimeInput: { audio: { mimeType: "audio/pcm;rate=16000", data: Buffer.from(f.buffer, f.byteOffset, f.byteLength).toString("base64") } } });
    }
  };
  return { ws, msgs, send, speak };
}

const said = (msgs: Msg[], from = 0): string =>
  msgs
    .slice(from)
    .map((m) => m.serverContent?.outputTranscription?.text ?? "")
    .join("")
    .replace(/\s+/g, " ")
    .trim();
const audioSamples = (msgs: Msg[]): number =>
  msgs.reduce((n, m) => n + (m.serverContent?.modelTurn?.parts ?? []).reduce((k: number, p: Msg) => k + Buffer.from(p.inlineData?.data ?? "", "base64").length / 2, 0), 0);

describe.skipIf(!can)("the understanding offline bot on the Gemini Live protocol", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startStandIn({ logger, engine: "espeak-ng", understand: true, maxRecognisers: 2 });
  });
  afterAll(async () => {
    await standIn?.close();
  });

  it("a spoken question: interim words, then the final transcript; the time comes through a function call", async () => {
    const { ws, msgs, send, speak } = await session(standIn);
    expect(standIn.demo).toMatchObject({ speech: "espeak-ng", understands: true });
    speak("What time is it right now");
    const final = await msgs.wait((m) => !!m.serverContent?.inputTranscription, 20_000, "inputTranscription");
    const interim = msgs.items.findIndex((m) => !!m.serverContent?.interimInputTranscription?.text);
    expect(interim).toBeGreaterThan(-1);
    expect(interim).toBeLessThan(msgs.items.indexOf(final));
    expect(final.serverContent.inputTranscription.text).toMatch(/what( is the)? time/);
    const call = await msgs.wait((m) => !!m.toolCall, 10_000, "toolCall");
    const fc = call.toolCall.functionCalls[0];
    expect(fc.name).toBe("get_current_time");
    send({ toolResponse: { functionResponses: [{ id: fc.id, name: fc.name, response: { result: "2026-03-04T15:07:00Z", time_zone: "UTC" } }] } });
    await msgs.wait((m) => !!m.serverContent?.turnComplete, 20_000, "turnComplete");
    expect(said(msgs.items)).toBe("It's 3:07 PM in UTC.");
    ws.close();
  });

  it("a joke, streamed piece by piece with its words; the next joke differs; typed text is answered", async () => {
    const { ws, msgs, speak, send } = await session(standIn);
    speak("Tell me a joke");
    await msgs.wait((m) => !!m.serverContent?.turnComplete, 30_000, "the joke's turnComplete");
    expect(msgs.items.find((m) => m.serverContent?.inputTranscription)?.serverContent.inputTranscription.text).toMatch(/joke/);
    expect(said(msgs.items)).toBe(JOKES[0]);
    // Two sentences, two pieces: the first piece's words arrive before the second piece's audio ends.
    expect(splitForSpeech(JOKES[0]!).length).toBe(2);
    const from = msgs.items.length;
    send({ clientContent: { turns: [{ role: "user", parts: [{ text: "another joke please" }] }], turnComplete: true } });
    await msgs.wait((m) => msgs.items.indexOf(m) >= from && !!m.serverContent?.turnComplete, 30_000, "the typed turn's turnComplete");
    expect(said(msgs.items, from)).toBe(JOKES[1]);
    ws.close();
  });

  it("typed Chinese is answered in Chinese, voiced with espeak-ng's Mandarin voice", async () => {
    const { ws, msgs, send } = await session(standIn);
    send({ realtimeInput: { text: "你好" } });
    await msgs.wait((m) => !!m.serverContent?.turnComplete, 30_000, "turnComplete");
    const text = said(msgs.items).replace(/ /g, "");
    expect(text).toMatch(/^你好！我是离线演示机器人/);
    // The synth is deterministic: the audio is exactly the Mandarin voicing of the pieces, not English.
    const synth = new Synth(24000, "espeak-ng");
    const pieces = splitForSpeech(text);
    const cmn = (await Promise.all(pieces.map((p) => synth.speak(p, "cmn")))).reduce((n, s) => n + s.pcm.length, 0);
    const en = (await Promise.all(pieces.map((p) => synth.speak(p, "en-us")))).reduce((n, s) => n + s.pcm.length, 0);
    expect(audioSamples(msgs.items)).toBe(cmn);
    expect(cmn).not.toBe(en);
    ws.close();
  });

  it("spoken 'what do you see' / 'what can you see' are recognised and answered from the latest picture sent with sendVideo: its colour and size", async () => {
    const heard: string[] = [];
    const words: string[] = [];
    const turns = new Waitable<number>();
    const noop = (): void => undefined;
    const events = {
      onAudio: noop, onInterimInputTranscription: noop, onInterrupted: noop, onGenerationComplete: noop, onGoAway: noop, onClosed: noop,
      onInputTranscription: (t: string) => heard.push(t),
      onOutputTranscription: (t: string) => words.push(t),
      onTurnComplete: () => turns.push(turns.items.length + 1),
    } satisfies GeminiEvents;
    const client = new GeminiLiveClient({ apiKey: "k", url: standIn.url, model: "m", voice: "v", systemInstruction: "s", logger }, events);
    await client.connect();
    const jpeg = (colour: string, size: string): Buffer =>
      execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", `color=c=${colour}:s=${size}`, "-frames:v", "1", "-c:v", "mjpeg", "-f", "image2pipe", "pipe:1"]);
    // The question as a mic would send it, then a second of silence for the VAD's hangover.
    const ask = async (question: string): Promise<{ heard: string; said: string }> => {
      [heard.length, words.length] = [0, 0];
      const turn = turns.items.length + 1;
      const q = voice(question);
      const pcm = new Int16Array(q.length + 16000);
      pcm.set(q);
      for (let i = 0; i < pcm.length; i += 320) client.sendAudio(pcm.subarray(i, i + 320));
      await turns.wait((n) => n === turn, 30_000, `turnComplete after "${question}"`);
      return { heard: heard.join(" "), said: words.join("").replace(/\s+/g, " ") };
    };
    expect(client.sendVideo(jpeg("0xe0d020", "320x240"))).toBe(true);
    const first = await ask("What do you see");
    expect(first.heard).toBe("what do you see");
    expect(first.said).toMatch(/yellow picture, 320 by 240/);
    // Outside the grammar this one was heard as "what can you do please".
    expect(client.sendVideo(jpeg("0x2040e0", "640x360"))).toBe(true);
    const second = await ask("What can you see");
    expect(second.heard).toBe("what can you see");
    expect(second.said).toMatch(/blue picture, 640 by 360/);
    client.close();
  });

  it("barge-in mid-answer: interrupted, and only the words sent so far; without the tool declared it tells the time itself", async () => {
    const { ws, msgs, speak, send } = await session(standIn, false);
    send({ realtimeInput: { text: "what can you do" } });
    await msgs.wait((m) => !!m.serverContent?.outputTranscription, 20_000, "the first words");
    speak("What is the time");
    const cut = await msgs.wait((m) => !!m.serverContent?.interrupted, 20_000, "interrupted");
    const before = said(msgs.items.slice(0, msgs.items.indexOf(cut)));
    const full = "I'm the offline demo bot, so I only understand a few things";
    expect(before.length).toBeGreaterThan(0);
    expect(full.startsWith(before) || before.startsWith(full)).toBe(true);
    expect(before).not.toMatch(/real model/);
    const from = msgs.items.indexOf(cut);
    await msgs.wait((m) => msgs.items.indexOf(m) > from && /^It's \d/.test(said(msgs.items, from)), 30_000, "the time, said without a tool call");
    expect(msgs.items.some((m) => m.toolCall)).toBe(false);
    ws.close();
  });
});

describe.skipIf(!canVoice())("without a recogniser (another OS)", () => {
  it("times speech as before, answers typed text, says why once at start and in its status", async () => {
    const lines: string[] = [];
    const standIn = await startStandIn({ logger: createLogger({ sink: (_l, line) => lines.push(line) }), engine: "tones", understand: true, recogniser: () => ({ ok: false, why: "no pocketsphinx here" }) });
    try {
      expect(standIn.demo.understands).toBe(false);
      expect(standIn.demo.speech).toBe("tones");
      expect(standIn.demo.limits.join(" ")).toMatch(/cannot recognise speech.*no pocketsphinx here/);
      expect(standIn.demo.limits.join(" ")).toMatch(/espeak-ng is not installed/);
      expect(lines.filter((l) => /speech recognition unavailable \(no pocketsphinx here\)/.test(l))).toHaveLength(1);
      const { ws, msgs, speak, send } = await session(standIn);
      speak("Tell me a joke");
      const heard = await msgs.wait((m) => !!m.serverContent?.inputTranscription, 20_000, "inputTranscription");
      expect(heard.serverContent.inputTranscription.text).toMatch(/^\[speech, \d\.\d s\]$/);
      expect(msgs.items.some((m) => m.serverContent?.interimInputTranscription)).toBe(false);
      await msgs.wait(() => /I heard about \d\.\d seconds of speech/.test(said(msgs.items)), 20_000, "the timing answer");
      const from = msgs.items.length;
      send({ realtimeInput: { text: "tell me a joke" } });
      await msgs.wait((m) => msgs.items.indexOf(m) >= from && JOKES.some((j) => said(msgs.items, from).includes(j)), 20_000, "a joke for the typed text");
      ws.close();
    } finally {
      await standIn.close();
    }
  });
});
