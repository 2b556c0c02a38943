/**
 * Video figures for the bot server: CPU per call with video at 1 picture/s, latency from a
 * frame's first RTP packet to its JPEG on the Gemini socket, bytes per picture, calls per core.
 *
 *   npx tsx example-app/tools/video-bench.ts [--calls 1,4] [--seconds 20] [--size 640x480] [--codec vp8|h264]
 *
 * Each simulated call gets a 30 fps camera stream (made once with ffmpeg, a moving test
 * pattern with a key frame a second, as the browser sends when the server asks by PLI),
 * packetized like a browser does and fed at real time to the same VideoReceiver the calls
 * use; pictures go to the offline stand-in over GeminiLiveClient.sendVideo. CPU is this
 * process (depacketizing, sockets) plus every ffmpeg child (from /proc), over wall time.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GeminiLiveClient, type GeminiEvents } from "../server/gemini/client.js";
import { createLogger } from "../server/logger.js";
import { startStandIn } from "../server/standin/server.js";
import type { VideoRtp } from "../server/video/depacketize.js";
import { VideoReceiver } from "../server/video/receiver.js";
import { h264AccessUnits, ivfFrames } from "./videoStreams.js";

const arg = (name: string, def: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? def) : def;
};
const CALLS = arg("calls", "1,4").split(",").map(Number);
const SECONDS = Number(arg("seconds", "20"));
const SIZE = arg("size", "640x480");
const CODEC = arg("codec", "vp8") as "vp8" | "h264";
const TICK = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;

/** VP8: one buffer per frame. H.264: one access unit per frame, as its NAL units. */
function makeStream(): Buffer[] | Buffer[][] {
  const dir = mkdtempSync(join(tmpdir(), "video-bench-"));
  const file = join(dir, CODEC === "vp8" ? "cam.ivf" : "cam.h264");
  const enc = CODEC === "vp8" ? ["-c:v", "libvpx", "-deadline", "realtime", "-b:v", "800k"] : ["-c:v", "libx264", "-profile:v", "baseline", "-x264-params", "repeat-headers=1", "-bsf:v", "h264_mp4toannexb", "-f", "h264"];
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", `testsrc2=s=${SIZE}:r=30`, "-t", "10", "-g", "30", ...enc, file]);
  const data = readFileSync(file);
  return CODEC === "vp8" ? ivfFrames(data) : h264AccessUnits(data);
}

let seq = 0;
function packetize(unit: Buffer | Buffer[], ts: number): VideoRtp[] {
  const out: VideoRtp[] = [];
  if (!Array.isArray(unit)) {
    const frame = unit;
    for (let off = 0; off < frame.length; off += 1100) {
      const end = Math.min(frame.length, off + 1100);
      out.push({ sequenceNumber: seq++ & 0xffff, timestamp: ts, marker: end === frame.length, payload: Buffer.concat([Buffer.from([off === 0 ? 0x10 : 0]), frame.subarray(off, end)]) });
    }
    return out;
  }
  const payloads: Buffer[] = [];
  for (const n of unit) {
    if (n.length <= 1100) payloads.push(n);
    else for (let off = 1; off < n.length; off += 1100) {
      const end = Math.min(n.length, off + 1100);
      payloads.push(Buffer.concat([Buffer.from([(n[0]! & 0xe0) | 28, (off === 1 ? 0x80 : 0) | (end === n.length ? 0x40 : 0) | (n[0]! & 0x1f)]), n.subarray(off, end)]));
    }
  }
  return payloads.map((payload, i) => ({ sequenceNumber: seq++ & 0xffff, timestamp: ts, marker: i === payloads.length - 1, payload }));
}

/** CPU seconds of this process's ffmpeg children, from /proc. */
function ffmpegCpu(): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) !== process.pid || !stat.includes("(ffmpeg)")) continue;
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks / TICK;
}

const quantile = (v: number[], q: number): number => (v.length ? [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))]! : NaN);

async function run(calls: number, frames: Buffer[] | Buffer[][]): Promise<void> {
  const logger = createLogger({ sink: () => undefined });
  const standIn = await startStandIn({ logger, engine: "tones" });
  const noop = (): void => undefined;
  const events = new Proxy({}, { get: () => noop }) as GeminiEvents;
  const latencies: number[] = [];
  const bytes: number[] = [];
  let rtpBytes = 0;
  const sessions = await Promise.all(
    Array.from({ length: calls }, async () => {
      const gemini = new GeminiLiveClient({ apiKey: "k", url: standIn.url, model: "m", voice: "v", systemInstruction: "s", logger }, events);
      await gemini.connect();
      const rx = new VideoReceiver({
        codec: CODEC,
        requestKeyframe: noop,
        onJpeg: (jpeg, frameAt) => {
          if (gemini.sendVideo(jpeg)) {
            latencies.push(performance.now() - frameAt);
            bytes.push(jpeg.length);
          }
        },
      });
      return { gemini, rx };
    }),
  );
  // Let every ffmpeg start before measuring.
  await new Promise((r) => setTimeout(r, 1000));
  const cpu0 = process.cpuUsage();
  const ff0 = ffmpegCpu();
  const t0 = performance.now();
  let i = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const frame = frames[i % frames.length]!;
      const packets = packetize(frame, i * 3000);
      for (const p of packets) rtpBytes += p.payload.length * sessions.length;
      for (const s of sessions) for (const p of packets) s.rx.push(p);
      i++;
      if (performance.now() - t0 >= SECONDS * 1000) {
        clearInterval(timer);
        resolve();
      }
    }, 1000 / 30);
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const node = (cpu.user + cpu.system) / 1e6;
  const ff = ffmpegCpu() - ff0;
  const perCall = (node + ff) / wall / calls;
  const pictures = sessions.reduce((n, s) => n + s.rx.picturesOut, 0);
  console.log(
    `${CODEC} ${SIZE} 30 fps in, 1 picture/s out, ${calls} call(s), ${wall.toFixed(1)} s: ` +
      `CPU per call ${(perCall * 100).toFixed(2)} % of a core (node ${((node / wall / calls) * 100).toFixed(2)} %, ffmpeg ${((ff / wall / calls) * 100).toFixed(2)} %); ` +
      `pictures ${pictures} (${(pictures / wall / calls).toFixed(2)}/s per call); bytes per picture mean ${Math.round(bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length))} (base64 on the socket ×4/3); ` +
      `latency first packet → Gemini socket p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms; ` +
      `RTP in ${((rtpBytes * 8) / wall / calls / 1000).toFixed(0)} kbit/s per call; calls per core with video ≈ ${Math.floor(1 / perCall)} (video alone)`,
  );
  for (const s of sessions) {
    s.rx.close();
    s.gemini.close();
  }
  await standIn.close();
}

const frames = makeStream();
for (const n of CALLS) await run(n, frames);
