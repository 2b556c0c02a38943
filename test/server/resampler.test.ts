import { describe, expect, it } from "vitest";
import { Resampler } from "../../example-app/server/audio/resampler.js";

function sine(freq: number, rate: number, secs: number, amp = 0.5): Float32Array {
  const out = new Float32Array(Math.round(rate * secs));
  for (let i = 0; i < out.length; i++) out[i] = amp * Math.sin((2 * Math.PI * freq * i) / rate);
  return out;
}

/** Run in uneven chunks, as network audio arrives. */
function run(r: Resampler, x: Float32Array): Float32Array {
  const parts: Float32Array[] = [];
  for (let i = 0, k = 0; i < x.length; k++) {
    const n = [960, 480, 1234, 17][k % 4]!;
    parts.push(r.process(x.subarray(i, i + n)));
    i += n;
  }
  const out = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Amplitude of `freq` by correlation (a one-bin DFT) over the steady middle of the signal. */
function amplitudeAt(x: Float32Array, freq: number, rate: number): number {
  const a = Math.floor(x.length * 0.2);
  const b = Math.floor(x.length * 0.8);
  let re = 0;
  let im = 0;
  for (let i = a; i < b; i++) {
    re += x[i]! * Math.cos((2 * Math.PI * freq * i) / rate);
    im += x[i]! * Math.sin((2 * Math.PI * freq * i) / rate);
  }
  return (2 * Math.hypot(re, im)) / (b - a);
}

function rms(x: Float32Array): number {
  const a = Math.floor(x.length * 0.2);
  const b = Math.floor(x.length * 0.8);
  let s = 0;
  for (let i = a; i < b; i++) s += x[i]! ** 2;
  return Math.sqrt(s / (b - a));
}

describe("windowed-sinc resampler", () => {
  it("48k → 16k → 48k keeps a 1 kHz sine's frequency and amplitude", () => {
    const x = sine(1000, 48000, 1);
    const down = run(new Resampler(48000, 16000), x);
    expect(Math.abs(down.length - 16000)).toBeLessThan(4);
    expect(amplitudeAt(down, 1000, 16000)).toBeCloseTo(0.5, 2);
    const back = run(new Resampler(16000, 48000), down);
    expect(Math.abs(back.length - 48000)).toBeLessThan(4);
    expect(amplitudeAt(back, 1000, 48000)).toBeCloseTo(0.5, 2);
    // Nearly all the energy is still at 1 kHz (no images or distortion).
    expect(amplitudeAt(back, 1000, 48000) / Math.SQRT2 / rms(back)).toBeGreaterThan(0.999);
    for (const f of [900, 1100, 3000, 15000]) expect(amplitudeAt(back, f, 48000)).toBeLessThan(0.005);
  });

  it("a 10 kHz tone does not alias into 48k → 16k output (new Nyquist 8 kHz)", () => {
    const down = run(new Resampler(48000, 16000), sine(10000, 48000, 1));
    // Naive decimation would put it at 6 kHz with full amplitude.
    expect(amplitudeAt(down, 6000, 16000)).toBeLessThan(0.5 * 1e-3);
    expect(rms(down)).toBeLessThan(0.5 * 1e-3);
  });

  it("24k → 48k (Gemini output) keeps a 3 kHz sine and adds no image at 21 kHz", () => {
    const up = run(new Resampler(24000, 48000), sine(3000, 24000, 1));
    expect(amplitudeAt(up, 3000, 48000)).toBeCloseTo(0.5, 2);
    expect(amplitudeAt(up, 21000, 48000)).toBeLessThan(0.5 * 1e-3);
  });

  it("handles an odd ratio (espeak's 22050 → 24000)", () => {
    const r = new Resampler(22050, 24000);
    const out = run(r, sine(440, 22050, 1));
    expect(Math.abs(out.length - 24000)).toBeLessThan(4);
    expect(amplitudeAt(out, 440, 24000)).toBeCloseTo(0.5, 2);
  });
});
