import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameClock, TickHandler } from "../../example-app/server/audio/clock.js";
import { OpusCodec } from "../../example-app/server/audio/opus.js";
import { OutboundAudio, type RtpOut } from "../../example-app/server/audio/outbound.js";
import { GeminiLiveClient, type GeminiEvents } from "../../example-app/server/gemini/client.js";
import { createLogger } from "../../example-app/server/logger.js";
import { Metrics } from "../../example-app/server/metrics.js";
import { startStandIn, type StandIn } from "../../example-app/server/standin/server.js";
import { Waitable } from "./helpers.js";

type Ev = { kind: string; text?: string; samples?: number; rate?: number };

let standIn: StandIn;
const logger = createLogger({ sink: () => undefined });
beforeAll(async () => {
  standIn = await startStandIn({ logger });
});
afterAll(async () => {
  await standIn.close();
});

async function open(): Promise<{ client: GeminiLiveClient; events: Waitable<Ev> }> {
  const events = new Waitable<Ev>();
  const handlers: GeminiEvents = {
    onAudio: (pcm, rate) => events.push({ kind: "audio", samples: pcm.length, rate }),
    onInputTranscription: (text) => events.push({ kind: "input", text }),
    onOutputTranscription: (text) => events.push({ kind: "output", text }),
    onInterrupted: () => events.push({ kind: "interrupted" }),
    onTurnComplete: () => events.push({ kind: "turnComplete" }),
    onGoAway: () => events.push({ kind: "goAway" }),
    onReconnecting: (text) => events.push({ kind: "reconnecting", text }),
    onClosed: (text) => events.push({ kind: "closed", text }),
  };
  const client = new GeminiLiveClient({ apiKey: "k", url: standIn.url, model: "m", voice: "v", systemInstruction: "s", logger }, handlers);
  await client.connect();
  return { client, events };
}

/** 16 kHz PCM: `voiced` seconds of a loud tone, then `silent` seconds of quiet. */
function utterance(voiced: number, silent: number): Int16Array {
  const n = Math.round((voiced + silent) * 16000);
  const out = new Int16Array(n);
  for (let i = 0; i < voiced * 16000; i++) out[i] = Math.round(12000 * Math.sin((2 * Math.PI * 300 * i) / 16000));
  return out;
}

/** Feed audio in 20 ms pieces as fast as possible: the stand-in's VAD counts samples, not wall time. */
function feed(client: GeminiLiveClient, pcm: Int16Array): void {
  for (let i = 0; i < pcm.length; i += 320) client.sendAudio(pcm.subarray(i, i + 320));
}

describe("Gemini Live bridge ↔ local stand-in (wire protocol)", () => {
  it("setup → setupComplete; clientContent text → modelTurn audio, outputTranscription, turnComplete", async () => {
    const { client, events } = await open();
    expect(client.isOpen).toBe(true);
    client.sendText("blue whales");
    await events.wait((e) => e.kind === "turnComplete", 20_000, "turnComplete");
    const audio = events.items.filter((e) => e.kind === "audio");
    expect(audio.length).toBeGreaterThan(3);
    expect(audio.every((a) => a.rate === 24000)).toBe(true);
    const said = events.items.filter((e) => e.kind === "output").map((e) => e.text).join("");
    expect(said.trim()).toMatch(/You typed: blue whales$/);
    client.close();
  });

  it("realtimeInput speech → inputTranscription that says what it heard, then a spoken answer", async () => {
    const { client, events } = await open();
    feed(client, utterance(1.5, 1.0));
    const input = await events.wait((e) => e.kind === "input", 10_000, "inputTranscription");
    expect(input.text).toMatch(/^\[speech, 1\.[45] s\]$/);
    await events.wait((e) => e.kind === "turnComplete", 20_000, "turnComplete");
    const said = events.items.filter((e) => e.kind === "output").map((e) => e.text).join("");
    expect(said).toMatch(/I heard about 1\.[45] seconds of speech\. I am the offline demo bot\./);
    client.close();
  });

  it("a new answer replaces one still playing: interrupted first, never two voices at once", async () => {
    const { client, events } = await open();
    const pcm = utterance(1.0, 0.8);
    feed(client, pcm.subarray(0, 8000)); // the user starts speaking...
    client.sendText("first question"); // ...and types meanwhile
    await events.wait((e) => e.kind === "output" && /typed/i.test(e.text ?? ""), 20_000, "the typed answer's words");
    feed(client, pcm.subarray(8000)); // the speech ends: a second answer
    await events.wait((e) => e.kind === "output" && /heard/i.test(e.text ?? ""), 20_000, "the spoken answer's words");
    const cut = events.items.findIndex((e) => e.kind === "interrupted");
    expect(cut).toBeGreaterThan(-1);
    const after = events.items.slice(cut).filter((e) => e.kind === "output").map((e) => e.text ?? "");
    expect(after.join(" ")).not.toMatch(/typed|first|question/i);
    client.close();
  });

  it("speech while answering → interrupted, and the answer stops", async () => {
    const { client, events } = await open();
    client.sendText("tell me a long story about the sea and the sky and everything in between");
    await events.wait((e) => e.kind === "audio", 10_000, "first audio");
    feed(client, utterance(0.3, 0));
    await events.wait((e) => e.kind === "interrupted", 10_000, "interrupted");
    // Like the service: interrupted, then turnComplete for the cut turn (never turnComplete first).
    const cut = events.items.findIndex((e) => e.kind === "interrupted");
    await events.wait((e) => e.kind === "turnComplete" && events.items.indexOf(e) > cut, 5000, "turnComplete after interrupted");
    expect(events.items.slice(cut + 1).find((e) => e.kind !== "output" && e.kind !== "audio")?.kind).toBe("turnComplete");
    expect(events.items.slice(0, cut).filter((e) => e.kind === "turnComplete")).toHaveLength(0);
    const at = events.items.length;
    // The stand-in answers after the barge-in utterance ends; until then nothing more of the old turn.
    feed(client, utterance(0, 0.8));
    await events.wait((e) => e.kind === "input", 10_000, "new input");
    const between = events.items.slice(at).filter((e, i, all) => i < all.findIndex((x) => x.kind === "input"));
    expect(between.filter((e) => e.kind === "turnComplete")).toHaveLength(0);
    client.close();
  });

  it("the stand-in going away for good: a resumption attempt, then closed with a reason", async () => {
    const own = await startStandIn({ logger });
    const events = new Waitable<Ev>();
    const client = new GeminiLiveClient(
      { apiKey: "k", url: own.url, model: "m", voice: "v", systemInstruction: "s", logger },
      { onAudio: () => {}, onInputTranscription: () => {}, onOutputTranscription: () => {}, onInterrupted: () => {}, onTurnComplete: () => {}, onGoAway: () => {}, onReconnecting: (text) => events.push({ kind: "reconnecting", text }), onClosed: (text) => events.push({ kind: "closed", text }) },
    );
    await client.connect();
    await own.close();
    expect((await events.wait((e) => e.kind === "reconnecting", 5000)).text).toMatch(/connection lost/);
    expect((await events.wait((e) => e.kind === "closed", 5000)).text).toMatch(/could not resume the session/);
    expect(client.isOpen).toBe(false);
  });
});

describe("outbound audio queue", () => {
  function fakeClock(): { clock: FrameClock; tick: (n: number) => void } {
    let handler: TickHandler | null = null;
    let slot = 0;
    const clock = { subscribe: (fn: TickHandler) => ((handler = fn), () => (handler = null)), now: () => performance.now() } as unknown as FrameClock;
    return { clock, tick: (n) => { for (let i = 0; i < n; i++, slot++) handler?.(slot, performance.now(), 0); } };
  }

  it("sends one 20 ms frame per slot with RTP timestamps +960, and an interruption drops queued audio at once", () => {
    const { clock, tick } = fakeClock();
    const sent: RtpOut[] = [];
    const log: string[] = [];
    const codec = new OpusCodec();
    const out = new OutboundAudio(codec, clock, { send: (p) => sent.push(p), onStarted: () => log.push("start"), onStopped: () => log.push("stop") }, new Metrics());
    out.push(new Int16Array(24000 * 2).fill(3000), 24000, performance.now());
    tick(10);
    expect(sent).toHaveLength(10);
    expect(sent[0]!.marker).toBe(true);
    for (let i = 1; i < 10; i++) {
      expect((sent[i]!.timestamp - sent[i - 1]!.timestamp) >>> 0).toBe(960);
      expect((sent[i]!.sequenceNumber - sent[i - 1]!.sequenceNumber) & 0xffff).toBe(1);
    }
    expect(out.queuedMs).toBeGreaterThan(1700);
    out.clear();
    expect(out.queuedMs).toBe(0);
    expect(log).toEqual(["start", "stop"]);
    tick(10);
    expect(sent).toHaveLength(10);
    // Next talk spurt: marker again, timestamp reflects the 10-slot gap.
    out.push(new Int16Array(2400).fill(3000), 24000, performance.now());
    out.finish();
    tick(10);
    expect(sent).toHaveLength(15);
    expect(sent[10]!.marker).toBe(true);
    expect((sent[10]!.timestamp - sent[9]!.timestamp) >>> 0).toBe(11 * 960);
    expect(log).toEqual(["start", "stop", "start", "stop"]);
    out.close();
    codec.close();
  });
});
