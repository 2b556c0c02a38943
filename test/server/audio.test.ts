import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../example-app/server/server.js";
import { TestClient, rms, tone } from "./helpers.js";

let server: RunningServer;
beforeAll(async () => {
  // Tones, not speech: the timing-only stand-in (WebRTC VAD, which the understanding bot uses, ignores pure tones).
  server = await startServer({ port: 0, geminiApiKey: "", logSink: () => undefined, understand: false });
});
afterAll(async () => {
  await server.close();
});

describe("audio round trip through Opus/RTP, the bridge and the stand-in", () => {
  it("a tone in → VAD events, honest transcript, spoken answer out in 20 ms frames; barge-in stops it", async () => {
    const c = new TestClient(server.url);
    await c.connect();
    await c.ready();
    const silenceBefore = c.rtp.items.length;
    c.startAudio(tone(440, 1.2));
    await c.messages.wait((m) => m.type === "user-started-speaking", 10_000, "user-started-speaking");
    await c.messages.wait((m) => m.type === "user-stopped-speaking", 10_000, "user-stopped-speaking");
    const ut = await c.messages.wait((m) => m.type === "user-transcription", 10_000, "user-transcription");
    expect(ut.data).toMatchObject({ final: true, user_id: "" });
    expect(String(ut.data?.text)).toMatch(/^\[speech, 1\.\d s\]$/);
    expect(Date.parse(String(ut.data?.timestamp))).not.toBeNaN();
    expect(silenceBefore).toBe(0);

    await c.messages.wait((m) => m.type === "bot-started-speaking", 15_000, "bot-started-speaking");
    await c.rtp.wait((_p) => c.rtp.items.length >= 60, 10_000, "60 frames of bot audio");
    const frames = c.rtp.items.slice(0, 60);
    // Real audio with energy, not silence.
    const energy = rms(Int16Array.from(frames.flatMap((f) => Array.from(f.pcm))));
    expect(energy).toBeGreaterThan(0.01);
    for (let i = 1; i < frames.length; i++) {
      expect((frames[i]!.ts - frames[i - 1]!.ts) >>> 0).toBe(960);
      expect((frames[i]!.seq - frames[i - 1]!.seq) & 0xffff).toBe(1);
    }
    // Arrival spacing: ~20 ms on average, median close to 20 (a loaded box adds jitter, not drift).
    const gaps = frames.slice(1).map((f, i) => f.at - frames[i]!.at).sort((a, b) => a - b);
    const span = frames[frames.length - 1]!.at - frames[0]!.at;
    expect(span / (frames.length - 1)).toBeGreaterThan(17);
    expect(span / (frames.length - 1)).toBeLessThan(23);
    expect(gaps[Math.floor(gaps.length / 2)]!).toBeGreaterThan(10);
    expect(gaps[Math.floor(gaps.length / 2)]!).toBeLessThan(30);

    // Barge-in: speak over the bot.
    c.stopAudio();
    c.startAudio(tone(660, 0.6));
    await c.messages.wait((m) => m.type === "bot-interrupted", 10_000, "bot-interrupted");
    const cut = c.rtp.items.length;
    await c.messages.wait((m) => m.type === "bot-stopped-speaking", 5000, "bot-stopped-speaking");
    expect(c.messages.items.filter((m) => m.type === "bot-output").length).toBeGreaterThan(0);
    // The next answer starts with a marker frame; before it, at most a couple of old frames were in flight.
    const next = await c.rtp.wait((f) => c.rtp.items.indexOf(f) >= cut && f.marker, 15_000, "the next answer");
    expect(c.rtp.items.indexOf(next) - cut).toBeLessThanOrEqual(3);
    await c.messages.wait((m) => m.type === "user-transcription" && m !== ut, 10_000, "second user transcript");
    c.stopAudio();
    await c.close();
    await server.whenIdle(15_000);
  });
});
