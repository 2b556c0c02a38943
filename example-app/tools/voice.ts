import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether espeak-ng and sox are here to voice test prompts. */
export function canVoice(): boolean {
  try {
    execFileSync("espeak-ng", ["--version"], { stdio: "ignore" });
    execFileSync("sox", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Voices `text` with espeak-ng, as 16 kHz mono PCM with `padMs` of silence either side
 * (the recogniser and the VADs both need some silence around speech).
 */
export function voice(text: string, opts: { padMs?: number; voice?: string } = {}): Int16Array {
  const dir = mkdtempSync(join(tmpdir(), "rtvi-voice-"));
  try {
    const wav = join(dir, "v.wav");
    const raw = join(dir, "v.raw");
    execFileSync("espeak-ng", ["-v", opts.voice ?? "en-us", "-w", wav, text]);
    const pad = String((opts.padMs ?? 300) / 1000);
    execFileSync("sox", [wav, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-t", "raw", raw, "pad", pad, pad]);
    const b = readFileSync(raw);
    const pcm = new Int16Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    // A microphone never gives digital silence: a -60 dBFS floor, fixed seed, keeps runs alike.
    const rand = prng(7);
    for (let i = 0; i < pcm.length; i++) pcm[i] = (pcm[i] ?? 0) + Math.round(rand() * 64);
    return pcm;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Deterministic uniform noise, so figures repeat run to run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/**
 * Adds white noise at `snrDb` below the speech's power (measured over samples above a small
 * floor, so the silence padding does not dilute it), like `sox -m` with a scaled noise file.
 */
export function addNoise(pcm: Int16Array, snrDb: number, seed = 1): Int16Array {
  let sum = 0;
  let n = 0;
  for (const v of pcm) {
    if (Math.abs(v) > 100) {
      sum += v * v;
      n++;
    }
  }
  const speechRms = Math.sqrt(sum / Math.max(n, 1));
  const noiseRms = speechRms / 10 ** (snrDb / 20);
  const rand = prng(seed);
  // Uniform on [-0.5, 0.5) has an RMS of 1/sqrt(12).
  const scale = noiseRms * Math.sqrt(12);
  const out = new Int16Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round((pcm[i] ?? 0) + rand() * scale)));
  return out;
}
