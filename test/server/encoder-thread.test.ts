import { afterEach, describe, expect, it } from "vitest";
import { EncoderThread, encoderThreads } from "../../example-app/server/audio/encoderThread.js";
import { FramesOnSlot, type FrameQueue } from "../../example-app/server/audio/frames.js";
import { OpusCodec } from "../../example-app/server/audio/opus.js";
import { createLogger } from "../../example-app/server/logger.js";
import { startServer } from "../../example-app/server/server.js";
import { standInThreads } from "../../example-app/server/standin/thread.js";
import { TestClient } from "./helpers.js";

const FRAME = 480; // 20 ms at 24 kHz

/** Speech-like PCM (two tones and a little noise from a fixed seed), `frames` 20 ms frames long plus `extra` samples. */
function pcm(frames: number, extra = 0, seed = 1): Int16Array {
  let a = seed;
  const out = new Int16Array(frames * FRAME + extra);
  for (let i = 0; i < out.length; i++) {
    a = (a * 1103515245 + 12345) % 2147483648;
    out[i] = Math.round(6000 * Math.sin(i / 9) + 3000 * Math.sin(i / 31) + (a / 2147483648 - 0.5) * 2000);
  }
  return out;
}

/** Pushes in uneven chunks, as the model's audio arrives. */
function pushChunks(q: FrameQueue, x: Int16Array): void {
  for (let i = 0, k = 0; i < x.length; k++) {
    const n = [2400, 777, 4800, 131][k % 4]!;
    q.push(x.slice(i, i + n));
    i += n;
  }
}

function takeAll(q: FrameQueue): Buffer[] {
  const out: Buffer[] = [];
  for (let f = q.take(); f; f = q.take()) out.push(f);
  return out;
}

const hex = (fs: Buffer[]): string[] => fs.map((f) => f.toString("hex"));

const lines: string[] = [];
const logger = createLogger({ sink: (_level, line) => lines.push(line) });
let thread: EncoderThread | null = null;
afterEach(async () => {
  await thread?.close();
  thread = null;
  lines.length = 0;
});

describe("encoding ahead on the encoder thread", () => {
  it("gives byte for byte the frames the slot would have encoded, tail padded with silence", async () => {
    thread = await EncoderThread.start(logger);
    const ahead = thread.stream(24000);
    const slot = new FramesOnSlot(new OpusCodec(24000));
    const x = pcm(40, 123);
    pushChunks(ahead, x);
    pushChunks(slot, x);
    ahead.pad();
    slot.pad();
    expect(ahead.queued).toBe(41 * FRAME);
    expect(ahead.queued).toBe(slot.queued);
    await thread.flush();
    const got = takeAll(ahead);
    const want = takeAll(slot);
    expect(got).toHaveLength(41);
    expect(hex(got)).toEqual(hex(want));
    expect(ahead.queued).toBe(0);
    ahead.close();
    expect(thread.open).toBe(0);
  });

  it("a frame not back yet is not ready; frames given up before they are back never come out", async () => {
    thread = await EncoderThread.start(logger);
    const ahead = thread.stream(24000);
    const slot = new FramesOnSlot(new OpusCodec(24000));
    const x = pcm(10);
    ahead.push(x.slice());
    slot.push(x.slice());
    // Nothing can be back in the same tick: the slot waits rather than sending something else.
    expect(ahead.take()).toBeNull();
    ahead.drop();
    ahead.drop();
    ahead.drop();
    expect(ahead.queued).toBe(7 * FRAME);
    await thread.flush();
    const want = takeAll(slot).slice(3);
    expect(hex(takeAll(ahead))).toEqual(hex(want));
  });

  it("after a barge-in only the new turn's frames come out, however many of the old were in flight", async () => {
    thread = await EncoderThread.start(logger);
    const ahead = thread.stream(24000);
    pushChunks(ahead, pcm(50));
    ahead.clear();
    expect(ahead.queued).toBe(0);
    ahead.push(pcm(4, 100, 7));
    ahead.pad();
    await thread.flush();
    expect(takeAll(ahead)).toHaveLength(5);
    expect(ahead.queued).toBe(0);
  });

  it("a crashed thread loses only the frames in flight: the call goes on encoding in the slot, and says so", async () => {
    thread = await EncoderThread.start(logger);
    const ahead = thread.stream(24000);
    ahead.push(pcm(5));
    await thread.flush();
    await thread.crashForTest();
    expect(lines.some((l) => /encoder thread exited with 1 calls open/.test(l))).toBe(true);
    ahead.push(pcm(3, 0, 9));
    expect(ahead.queued).toBe(8 * FRAME);
    expect(takeAll(ahead)).toHaveLength(8);
    // A call that starts now encodes in the slot from its first frame.
    const late = thread.stream(24000);
    late.push(pcm(2));
    expect(takeAll(late)).toHaveLength(2);
  });

  it("the server starts one for its calls and ends it with them; ENCODE_AHEAD=0 runs none", async () => {
    const before = encoderThreads();
    const server = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, understand: false });
    expect(encoderThreads()).toBe(before + 1);
    const c = new TestClient(server.url);
    await c.connect();
    await c.ready();
    expect(server.stats().encoderStreams).toBe(1);
    c.sendRtvi("send-text", { content: "hello" }, "t1");
    await c.rtp.wait(() => c.rtp.items.length >= 25, 15_000, "half a second of the answer");
    expect(server.metrics.snapshot().framesSent).toBeGreaterThanOrEqual(25);
    await c.close();
    await server.whenIdle();
    expect(server.stats().encoderStreams).toBe(0);
    await server.close();
    expect(encoderThreads()).toBe(before);

    const plain = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, understand: false, encodeAhead: false });
    expect(encoderThreads()).toBe(before);
    expect(plain.stats().encoderStreams).toBe(0);
    // A second server on a port in use fails to start, and leaves none of its threads behind.
    const standIns = standInThreads();
    await expect(startServer({ port: plain.port, geminiApiKey: "", logSink: () => undefined, understand: false })).rejects.toThrow(/EADDRINUSE/);
    expect(encoderThreads()).toBe(before);
    expect(standInThreads()).toBe(standIns);
    await plain.close();
  });
});
