import { spawn } from "node:child_process";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { belowFrameClock, lowerBelowFrameClock } from "../background.js";
import { findOnPath } from "../findOnPath.js";
import { Resampler, bytesToInt16, floatToInt16, int16ToFloat } from "../audio/resampler.js";

export interface Speech {
  /** Mono 16-bit PCM at `rate`. */
  pcm: Int16Array;
  rate: number;
  /** Words with the sample offset where each (roughly) begins. */
  words: { text: string; at: number }[];
  /** What the stand-in reports as its output transcription. */
  transcript: string;
  engine: "espeak-ng" | "tones";
}

export type SynthEngine = "auto" | "espeak-ng" | "tones";

/** Pull mono 16-bit samples out of espeak's streamed WAV (its size fields may be placeholders). */
export function parseWav(buf: Buffer): { pcm: Int16Array; rate: number } {
  if (buf.length < 44 || buf.toString("ascii", 0, 4) !== "RIFF") throw new Error("not a WAV file");
  let off = 12;
  let rate = 22050;
  while (off + 8 <= buf.length) {
    const id = buf.toString("ascii", off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === "fmt ") rate = buf.readUInt32LE(off + 12);
    if (id === "data") {
      const end = size === 0 || size === 0xffffffff || off + 8 + size > buf.length ? buf.length : off + 8 + size;
      const n = (end - off - 8) >> 1;
      return { pcm: bytesToInt16(buf.subarray(off + 8, off + 8 + n * 2)), rate };
    }
    off += 8 + size + (size & 1);
  }
  throw new Error("WAV has no data chunk");
}

function wordTimes(text: string, samples: number): { text: string; at: number }[] {
  // Chinese and Japanese have no spaces: each character is a "word" for the transcript's pacing.
  const words = text.split(/\s+|(?<=[\u3000-\u9fff\uff00-\uffef])/u).filter(Boolean);
  const total = words.reduce((s, w) => s + w.length + 1, 0);
  let acc = 0;
  return words.map((w) => {
    const at = Math.floor((acc / total) * samples);
    acc += w.length + 1;
    return { text: w, at };
  });
}

function runEspeak(bin: string, text: string, voice: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A sentence costs espeak-ng tens of ms of CPU: on a busy machine that sat on a core just when a
    // call's frame was due. Below the frame clock, the answer barely waits (most cores are idle).
    const run = belowFrameClock(bin, ["--stdout", "-v", voice, "-s", "170", "--", text]);
    const p = spawn(run.cmd, run.args, { stdio: ["ignore", "pipe", "ignore"] });
    if (!run.idle) void lowerBelowFrameClock(p.pid);
    const chunks: Buffer[] = [];
    p.stdout.on("data", (c: Buffer) => chunks.push(c));
    p.on("error", reject);
    p.on("close", (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`espeak-ng exited ${code}`))));
  });
}

/** Samples of input per slice: ~0.2 s of espeak audio costs ~1 ms to resample. */
const SLICE = 4096;

/**
 * Resample a whole sentence without holding the event loop: in one go, a 4–5 s sentence took
 * 11–30 ms of synchronous work (measured), and when several calls finished speaking together those
 * blocks landed back to back and delayed every call's 20 ms frames. Slices yield between them.
 */
async function resampleInSlices(pcm: Int16Array, from: number, to: number): Promise<Int16Array> {
  const r = new Resampler(from, to);
  const parts: Int16Array[] = [];
  let total = 0;
  for (let off = 0; off < pcm.length; off += SLICE) {
    const part = floatToInt16(r.process(int16ToFloat(pcm.subarray(off, Math.min(pcm.length, off + SLICE)))));
    parts.push(part);
    total += part.length;
    await yieldToLoop();
  }
  const out = new Int16Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A short tone per word: audible, honest, and needs no speech engine. */
function tones(text: string, rate: number): Int16Array {
  const words = text.split(/\s+/).filter(Boolean);
  const wordLen = Math.round(rate * 0.16);
  const gap = Math.round(rate * 0.07);
  const out = new Int16Array(words.length * (wordLen + gap));
  words.forEach((w, i) => {
    const f = 330 + ((w.length * 53) % 330);
    for (let n = 0; n < wordLen; n++) {
      const env = Math.min(1, n / 240, (wordLen - n) / 240);
      out[i * (wordLen + gap) + n] = Math.round(0.3 * 32767 * env * Math.sin((2 * Math.PI * f * n) / rate));
    }
  });
  return out;
}

/** What a toned answer's transcript starts with: the listener is told why there are no words. */
export const TONES_PREFIX = "[tones, no speech engine]";

/** Text-to-speech for the offline stand-in, at the rate Gemini Live sends (24 kHz). */
export class Synth {
  private readonly bin: string | null;
  private readonly cache = new Map<string, Promise<Speech>>();

  constructor(
    readonly rate = 24000,
    engine: SynthEngine = "auto",
  ) {
    this.bin = engine === "tones" ? null : (process.env.ESPEAK_NG_PATH ?? findOnPath("espeak-ng"));
  }

  get engine(): Speech["engine"] {
    return this.bin ? "espeak-ng" : "tones";
  }

  /** `voice` is an espeak-ng voice (en-us, cmn, ja). */
  speak(text: string, voice = "en-us"): Promise<Speech> {
    const key = `${voice}\u0000${text}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.render(text, voice);
      // Small cache: the same sentences recur across calls (and in the bench).
      if (this.cache.size > 64) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }

  private async render(text: string, voice: string): Promise<Speech> {
    if (this.bin) {
      try {
        const wav = parseWav(await runEspeak(this.bin, text, voice));
        const pcm = wav.rate === this.rate ? wav.pcm : await resampleInSlices(wav.pcm, wav.rate, this.rate);
        return { pcm, rate: this.rate, words: wordTimes(text, pcm.length), transcript: text, engine: "espeak-ng" };
      } catch {
        // fall through to tones
      }
    }
    const pcm = tones(text, this.rate);
    const transcript = `${TONES_PREFIX} ${text}`;
    return { pcm, rate: this.rate, words: wordTimes(transcript, pcm.length), transcript, engine: "tones" };
  }
}
