// Voice-to-voice latency of the example app on loopback, in the browser: from the moment the
// fake microphone's speech ends to the first audible bot audio. Shared by bench part g and
// `npm run latency:voice` (test/e2e/voice-latency.ts).
import { execFileSync } from "node:child_process";
import { guardNetwork, launch, openApp, ROOT, speechWav, startApp } from "../../test/e2e/harness";

// Wraps getUserMedia and RTCPeerConnection so the page can watch both audio signals with its
// own analysers, independent of the app and of any RTVI event.
const PROBE = `(() => {
  const ctx = new AudioContext();
  const marks = { speechEnds: [], botOnsets: [] };
  window.__latency = marks;
  const watch = (stream, onChange) => {
    const src = ctx.createMediaStreamSource(stream);
    const an = ctx.createAnalyser();
    an.fftSize = 512;
    src.connect(an);
    const buf = new Float32Array(an.fftSize);
    let loud = false, loudSince = 0, quietSince = 0;
    setInterval(() => {
      if (ctx.state !== "running") ctx.resume();
      an.getFloatTimeDomainData(buf);
      let s = 0; for (const v of buf) s += v * v;
      const rms = Math.sqrt(s / buf.length);
      const now = performance.now();
      if (rms > 0.02) { quietSince = 0; if (!loud) { loudSince ||= now; if (now - loudSince > 60) { loud = true; onChange(true, loudSince); } } }
      else { loudSince = 0; if (loud) { quietSince ||= now; if (now - quietSince > 250) { loud = false; onChange(false, quietSince); } } }
    }, 5);
  };
  const gum = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (c) => {
    const s = await gum(c);
    if (s.getAudioTracks().length) watch(s, (on, t) => { if (!on) marks.speechEnds.push(t); });
    return s;
  };
  const PC = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends PC {
    constructor(...a) {
      super(...a);
      this.addEventListener("track", (e) => { if (e.track.kind === "audio") watch(new MediaStream([e.track]), (on, t) => { if (on) marks.botOnsets.push(t); }); });
    }
  };
})();`;

export interface VoiceLatency {
  /** ms from the end of each user utterance to the bot's first audible audio after it. */
  readonly samples: number[];
  /** The app's own LatencyBadge text (RTVI user-stopped-speaking → bot-started-speaking). */
  readonly badge: string;
}

/** Builds the example, starts its server and measures `turns` spoken turns in headless Chromium. */
export async function measureVoiceLatency(turns: number): Promise<VoiceLatency> {
  execFileSync("npx", ["vite", "build", "--config", "example-app/vite.config.ts", "--logLevel", "warn"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
  const server = await startApp();
  try {
    const browser = await launch(speechWav("latency", "What time is it on Mars right now?", 7));
    try {
      const context = await browser.newContext();
      await guardNetwork(context);
      await context.addInitScript({ content: PROBE });
      const { page } = await openApp(context, server.url);
      await page.getByRole("button", { name: "Connect" }).click();
      await page.getByRole("button", { name: "Disconnect" }).waitFor({ timeout: 30_000 });
      await page.waitForFunction((n) => (window as unknown as { __latency: { speechEnds: number[] } }).__latency.speechEnds.length > n, turns, { timeout: turns * 15_000, polling: 500 });
      const marks = await page.evaluate(() => (window as unknown as { __latency: { speechEnds: number[]; botOnsets: number[] } }).__latency);
      const badge = (await page.locator("[data-rtvi-latency]").first().textContent().catch(() => "")) ?? "";
      // Each end of speech pairs with the first bot onset after it (later onsets are the pauses
      // between the bot's own sentences), if that onset comes before the user speaks again.
      const samples: number[] = [];
      marks.speechEnds.forEach((end, i) => {
        const next = marks.speechEnds[i + 1] ?? Infinity;
        const onset = marks.botOnsets.find((t) => t > end && t < next);
        if (onset !== undefined) samples.push(onset - end);
      });
      return { samples, badge };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}
