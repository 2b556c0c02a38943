/**
 * Figures for the offline demo bot's speech pieces: word error rate and intent accuracy of the
 * recogniser on espeak-voiced prompts (clean and with white noise at 10 dB SNR), energy VAD vs
 * WebRTC VAD, and recogniser CPU per audio second. Prints a Markdown table.
 *   npx tsx example-app/tools/speech-bench.ts
 */
import { readFileSync } from "node:fs";
import { EnergyVad } from "../server/audio/vad.js";
import { createFvadVad } from "../server/speech/fvad.js";
import { createRecogniser, recogniserAvailable, type RecognitionFinal } from "../server/speech/recogniser.js";
import { classify, normalise } from "../server/speech/responder.js";
import { SPEECH_PROMPTS } from "./speech-prompts.js";
import { addNoise, canVoice, voice } from "./voice.js";

const RATE = 16000;
const FRAME = RATE / 50;
const SNR_DB = 10;

function wordErrors(ref: string, hyp: string): number {
  const r = normalise(ref).split(" ").filter(Boolean);
  const h = normalise(hyp).split(" ").filter(Boolean);
  let prev = Array.from({ length: h.length + 1 }, (_, j) => j);
  for (let i = 1; i <= r.length; i++) {
    const cur = [i];
    for (let j = 1; j <= h.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (r[i - 1] === h[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[h.length] ?? 0;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // utime and stime, fields 14 and 15, in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function recognition(): Promise<string[]> {
  const avail = recogniserAvailable();
  if (!avail.ok) return [`Recogniser unavailable: ${avail.why}`];
  const rec = createRecogniser();
  await rec.ready;
  const rows: string[] = ["| condition | decoder | WER | intent accuracy |", "|---|---|---|---|"];
  let audioSec = 0;
  for (const noisy of [false, true]) {
    const results: { ref: string; intent: string; r: RecognitionFinal }[] = [];
    for (const p of SPEECH_PROMPTS) {
      const clean = voice(p.text);
      const pcm = noisy ? addNoise(clean, SNR_DB) : clean;
      audioSec += pcm.length / RATE;
      for (let i = 0; i < pcm.length; i += FRAME) rec.write(pcm.subarray(i, i + FRAME));
      results.push({ ref: p.text, intent: p.intent, r: await rec.endUtterance() });
    }
    const refWords = results.reduce((n, x) => n + normalise(x.ref).split(" ").length, 0);
    for (const [name, pick] of [
      ["combined", (r: RecognitionFinal) => r.text],
      ["grammar only", (r: RecognitionFinal) => r.grammar],
      ["open model only", (r: RecognitionFinal) => r.open],
    ] as const) {
      const errs = results.reduce((n, x) => n + wordErrors(x.ref, pick(x.r)), 0);
      const right = results.filter((x) => classify(pick(x.r)).intent === x.intent).length;
      rows.push(`| ${noisy ? `noise ${SNR_DB} dB SNR` : "clean"} | ${name} | ${pct(errs / refWords)} | ${right}/${results.length} |`);
    }
  }
  const cpu = cpuSeconds(rec.pid);
  rec.close();
  rows.push("", `Recogniser CPU (both decoders, one stream): ${cpu === undefined ? "n/a" : `${cpu.toFixed(2)} s for ${audioSec.toFixed(1)} s of audio = ${(cpu / audioSec).toFixed(3)} CPU-seconds per audio second (incl. model load)`}`);
  return rows;
}

interface Vad {
  push(frame: Float32Array, frameMs: number): { type: "start" } | { type: "stop"; speechMs: number } | null;
}

/** Runs one VAD over one prompt with 1 s of lead-in and 1.5 s after, noting what it got wrong. */
function runVad(vad: Vad, pcm: Int16Array, onset: number, offset: number) {
  let falseStarts = 0;
  let detected = false;
  let stopDelayMs: number | undefined;
  let speaking = false;
  for (let i = 0; i + FRAME <= pcm.length; i += FRAME) {
    const f = new Float32Array(FRAME);
    for (let k = 0; k < FRAME; k++) f[k] = (pcm[i + k] ?? 0) / 32768;
    const ev = vad.push(f, 20);
    const t = i + FRAME;
    if (ev?.type === "start") {
      speaking = true;
      // 100 ms of slack: espeak's first phoneme can be quieter than the onset threshold.
      if (t < onset - 0.1 * RATE || t > offset + 0.1 * RATE) falseStarts++;
      else detected = true;
    } else if (ev?.type === "stop") {
      speaking = false;
      if (detected && stopDelayMs === undefined && t >= offset) stopDelayMs = ((t - offset) / RATE) * 1000;
    }
  }
  if (speaking && detected && stopDelayMs === undefined) stopDelayMs = Infinity;
  return { falseStarts, missed: !detected, stopDelayMs };
}

function speechBounds(pcm: Int16Array): [number, number] {
  let first = -1;
  let last = -1;
  for (let i = 0; i < pcm.length; i++) {
    if (Math.abs(pcm[i] ?? 0) > 300) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return [first, last];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? NaN) : NaN;
}

async function vadComparison(): Promise<string[]> {
  const rows = ["| condition | VAD | false starts | missed starts | end-of-speech delay (median / max) |", "|---|---|---|---|---|"];
  const prompts = SPEECH_PROMPTS.map((p) => voice(p.text, { padMs: 1200 }));
  for (const noisy of [false, true]) {
    for (const kind of ["energy (audio/vad.ts)", "WebRTC fvad mode 3", "WebRTC fvad mode 1"] as const) {
      let falseStarts = 0;
      let missed = 0;
      const delays: number[] = [];
      for (const [i, clean] of prompts.entries()) {
        const [onset, offset] = speechBounds(clean);
        const pcm = noisy ? addNoise(clean, SNR_DB, i + 1) : clean;
        const vad: Vad = kind.startsWith("energy") ? new EnergyVad() : await createFvadVad({ mode: kind.endsWith("3") ? 3 : 1 });
        const r = runVad(vad, pcm, onset, offset);
        falseStarts += r.falseStarts;
        if (r.missed) missed++;
        if (r.stopDelayMs !== undefined) delays.push(r.stopDelayMs);
      }
      const finite = delays.filter(Number.isFinite);
      const never = delays.length - finite.length;
      const delay = finite.length ? `${median(finite).toFixed(0)} / ${Math.max(...finite).toFixed(0)} ms${never ? ` (${never} never stopped)` : ""}` : "—";
      rows.push(`| ${noisy ? `noise ${SNR_DB} dB SNR` : "clean"} | ${kind} | ${falseStarts} | ${missed}/${prompts.length} | ${delay} |`);
    }
  }
  return rows;
}

if (!canVoice()) {
  console.log("espeak-ng and sox are needed to voice the prompts.");
} else {
  console.log(`## Offline speech bench (${SPEECH_PROMPTS.length} espeak-ng prompts)\n`);
  console.log((await recognition()).join("\n"));
  console.log("\n### Voice activity (hangover 500 ms, start 60 ms, both)\n");
  console.log((await vadComparison()).join("\n"));
}
