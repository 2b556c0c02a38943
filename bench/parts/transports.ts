// Part h: WebRTC against Pipecat's WebSocket transport under packet loss, between two network
// namespaces: the example server in one, the callers in the other, 25 ms each way and N % loss.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "../lib/paths";
import type { PartResult, Row } from "../lib/report";
import type { BenchContext } from "./context";

const NS = { srv: "rtvi-bench-srv", cli: "rtvi-bench-cli" } as const;
const DEV = { srv: "rtvi-bt-srv", cli: "rtvi-bt-cli" } as const;
const ADDR = { srv: "10.77.0.1", cli: "10.77.0.2" } as const;
const PORT = 7871;
const LOSSES: readonly number[] = process.env.BENCH_H_LOSSES ? process.env.BENCH_H_LOSSES.split(",").map(Number) : [0, 2, 5, 10];
const ONE_WAY_MS = 25;
const TURNS = Number(process.env.BENCH_H_TURNS ?? 6);
const STREAM_S = Number(process.env.BENCH_H_STREAM_S ?? 60);

interface CallerResult {
  kind: "webrtc" | "websocket";
  /** Connection attempts it took (setup under loss is not what is measured). */
  attempts: number;
  latencies: number[];
  frames: number;
  streamMs: number;
  arrivalDrift: number | null;
  gaps: number;
  gapMs: number;
  concealedMs: number;
  /** Of those, never received (the rest came later than the jitter buffer). */
  lostMs: number;
  buildup: number | null;
}

function sh(args: string[], allowFail = false): string {
  const r = spawnSync(args[0]!, args.slice(1), { encoding: "utf8" });
  if (r.status !== 0 && !allowFail) throw new Error(`${args.join(" ")}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}
const has = (tool: string): boolean => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const inNs = (ns: string, args: string[]): string[] => ["ip", "netns", "exec", ns, ...args];
const pct = (a: number[], p: number): number | null => {
  if (!a.length) return null;
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

function waitFor(child: ChildProcess, re: RegExp, ms: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const t = setTimeout(() => reject(new Error(`${what}: nothing matching ${re} after ${ms} ms: ${seen.slice(-500)}`)), ms);
    const on = (d: Buffer) => {
      seen += d.toString();
      if (re.test(seen)) {
        clearTimeout(t);
        resolve();
      }
    };
    child.stdout?.on("data", on);
    child.stderr?.on("data", on);
    child.once("exit", (code) => reject(new Error(`${what} exited (${code}): ${seen.slice(-500)}`)));
  });
}

function setLoss(loss: number): void {
  for (const side of ["srv", "cli"] as const) {
    sh(inNs(NS[side], ["nft", "flush", "ruleset"]));
    if (loss === 0) continue;
    // Each side drops N % of what it sends on the link: N % loss each way, independently per packet.
    const rules = `table inet rtvi_loss {\n chain out {\n  type filter hook output priority 0; policy accept;\n  oifname "${DEV[side]}" numgen random mod 100 < ${loss} drop\n }\n}\n`;
    const r = spawnSync("ip", inNs(NS[side], ["nft", "-f", "-"]).slice(1), { input: rules, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`nft: ${r.stderr}`);
  }
}

function runCaller(kind: "webrtc" | "websocket"): Promise<CallerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("ip", inNs(NS.cli, [process.execPath, "--import", "tsx", join(ROOT, "bench/lib/transportCaller.ts"), kind, `http://${ADDR.srv}:${PORT}`, String(TURNS), String(STREAM_S)]).slice(1), { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as CallerResult);
      } catch {
        reject(new Error(`${kind} caller exited ${code}: ${(err || out).slice(-800)}`));
      }
    });
  });
}

export async function transportsPart(ctx: BenchContext): Promise<PartResult> {
  const title = `Transports: WebRTC against WebSocket at 0–10 % loss, ${2 * ONE_WAY_MS} ms round trip (two network namespaces)`;
  const missing = [process.getuid?.() === 0 ? null : "root", ...["ip", "nft", "python3"].map((t) => (has(t) ? null : t))].filter(Boolean);
  if (missing.length) return { id: "h", title, rows: [], notes: [`Skipped: needs ${missing.join(", ")} (apt-get install nftables iproute2 python3, as root).`], raw: null };

  const kids: ChildProcess[] = [];
  const teardown = (): void => {
    for (const k of kids) if (k.exitCode === null && k.pid) process.kill(k.pid, "SIGTERM");
    for (const ns of Object.values(NS)) sh(["ip", "netns", "del", ns], true);
  };
  teardown();
  const results: { loss: number; webrtc: CallerResult | { error: string }; websocket: CallerResult | { error: string } }[] = [];
  try {
    for (const ns of Object.values(NS)) {
      sh(["ip", "netns", "add", ns]);
      sh(inNs(ns, ["ip", "link", "set", "lo", "up"]));
    }
    const delay = spawn("python3", [join(ROOT, "bench/lib/delayline.py"), DEV.srv, DEV.cli, String(ONE_WAY_MS)], { stdio: ["ignore", "pipe", "pipe"] });
    kids.push(delay);
    await waitFor(delay, /ready/, 10_000, "delay line");
    for (const side of ["srv", "cli"] as const) {
      sh(["ip", "link", "set", DEV[side], "netns", NS[side]]);
      sh(inNs(NS[side], ["ip", "addr", "add", `${ADDR[side]}/24`, "dev", DEV[side]]));
      sh(inNs(NS[side], ["ip", "link", "set", DEV[side], "up"]));
    }
    const env = { ...process.env, HOST: ADDR.srv, PORT: String(PORT), ICE_HOST_ADDRESSES: ADDR.srv, STANDIN_UNDERSTAND: "0", GEMINI_API_KEY: "", STATIC_DIR: "/nonexistent", MEDIA_TIMEOUT_SEC: "30" };
    const server = spawn("ip", inNs(NS.srv, [process.execPath, "--import", "tsx", join(ROOT, "example-app/server/index.ts")]).slice(1), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    kids.push(server);
    await waitFor(server, /Bot server on|Voice demo ready/, 60_000, "example server");
    for (const loss of LOSSES) {
      setLoss(loss);
      ctx.log(`h: ${loss} % loss: a WebRTC and a WebSocket caller at once (${TURNS} turns, then ${STREAM_S} s of speech)`);
      const [webrtc, websocket] = await Promise.all([runCaller("webrtc"), runCaller("websocket")].map((p) => p.catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }))));
      results.push({ loss, webrtc: webrtc!, websocket: websocket! });
    }
  } finally {
    teardown();
  }

  const rows: Row[] = [];
  const lines = ["| loss | transport | voice-to-voice median | p95 | audio gaps (stream length) | delay built up | arrival drift |", "|---:|---|---:|---:|---|---:|---:|"];
  for (const r of results) {
    for (const kind of ["webrtc", "websocket"] as const) {
      const got = r[kind];
      const name = kind === "webrtc" ? "WebRTC" : "WebSocket";
      if ("error" in got) {
        lines.push(`| ${r.loss} % | ${name} | failed: ${got.error.split("\n").find((l) => /Error/.test(l))?.slice(0, 120) ?? "caller failed"} | | | | |`);
        continue;
      }
      const c = got;
      const med = pct(c.latencies, 50);
      const p95 = pct(c.latencies, 95);
      const gaps = kind === "webrtc" ? `${c.concealedMs} ms concealed (${c.lostMs} ms lost, ${c.concealedMs - c.lostMs} ms late)` : `${c.gaps} underruns, ${Math.round(c.gapMs)} ms`;
      rows.push({ metric: `${r.loss} % loss, ${name}: voice-to-voice median`, ours: med, unit: "ms", digits: 0 });
      rows.push({ metric: `${r.loss} % loss, ${name}: voice-to-voice p95`, ours: p95, unit: "ms", digits: 0 });
      rows.push({ metric: `${r.loss} % loss, ${name}: ${kind === "webrtc" ? "concealed audio" : "playout underrun time"}`, ours: kind === "webrtc" ? c.concealedMs : c.gapMs, unit: "ms", digits: 0 });
      rows.push({ metric: `${r.loss} % loss, ${name}: delay built up over 60 s`, ours: c.buildup, unit: "ms", digits: 0 });
      lines.push(`| ${r.loss} % | ${name}${c.attempts > 1 ? ` (connected at attempt ${c.attempts})` : ""} | ${med === null ? "–" : Math.round(med)} ms | ${p95 === null ? "–" : Math.round(p95)} ms | ${gaps} (${(c.streamMs / 1000).toFixed(0)} s) | ${c.buildup === null ? "–" : Math.round(c.buildup)} ms | ${c.arrivalDrift === null ? "–" : Math.round(c.arrivalDrift)} ms |`);
    }
  }
  return {
    id: "h",
    title,
    rows,
    notes: [
      `Two network namespaces (${NS.srv}, ${NS.cli}) joined by a pair of TUN devices with a user-space delay line between them (bench/lib/delayline.py, ${ONE_WAY_MS} ms each way; a veth pair would hand packets kernel to kernel with no place to hold them, and this kernel has no netem); loss from nftables \`numgen random mod 100 < N drop\` on each side's output, so N % each way. Created and removed by the bench.`,
      `Server: the example (offline timing-only stand-in) in the server namespace. Callers in the other: the werift loopback caller for WebRTC (Opus/RTP/SRTP over UDP, as SmallWebRTC) and a Node caller using @pipecat-ai/websocket-transport's own ProtobufFrameSerializer (as WebSocketTransport + WavMediaManager(512, 16000)), both at once; not Chromium (headless Chromium inside the namespace was not tried).`,
      `Voice-to-voice: from the end of a 1 s tone to the first bot frame with energy arriving (the stand-in's VAD hang-over and synthesis included, the same on both), ${TURNS} turns each.`,
      `Gaps and build-up over ${STREAM_S} s of continuous bot speech. WebSocket: WavStreamPlayer's behaviour (plays every chunk in order as soon as it can, an empty queue mid-stream is an underrun, nothing is ever dropped), so each TCP stall becomes a gap and stays as added delay. WebRTC: a fixed ${60} ms jitter buffer (frames lost or later than that are concealed; delay cannot build up by construction, so 0 is a model, not a measurement; Chromium's NetEQ adapts its buffer instead). No Opus FEC on either side here (the server's encoder does not enable in-band FEC). Arrival drift: median lateness against the sender's 20 ms clock, last 5 s minus first 5 s.`,
    ],
    extra: lines.join("\n"),
    raw: results,
  };
}
