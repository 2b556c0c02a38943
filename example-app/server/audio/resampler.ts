/**
 * Streaming rational-ratio resampler: a Kaiser-windowed sinc low-pass evaluated in polyphase form.
 * The stop band starts at the lower of the two Nyquist frequencies, so a tone above the new Nyquist
 * is attenuated (~80 dB) instead of folding back as an alias.
 */

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Zeroth-order modified Bessel function, for the Kaiser window. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

export interface ResamplerOptions {
  /** Stop-band attenuation in dB. */
  attenuationDb?: number;
  /** Transition band width as a fraction of the lower Nyquist frequency. */
  transition?: number;
}

interface FilterTable {
  up: number;
  down: number;
  tapsPerPhase: number;
  phases: Float32Array[];
}

/**
 * Filter tables by ratio and options. Every call builds two resamplers and the stand-in one per
 * answer; designing 22.05→24 kHz alone is ~8000 Bessel evaluations, so design each ratio once.
 */
const tables = new Map<string, FilterTable>();

export class Resampler {
  readonly up: number;
  readonly down: number;
  readonly tapsPerPhase: number;
  /** phases[p][k] multiplies x[i - k]; gain L folded in. */
  private readonly phases: Float32Array[];
  private history: Float32Array;
  /** History + input, reused across calls (grown when a bigger chunk arrives). */
  private work = new Float32Array(0);
  /** Position of the next output sample, in upsampled units, relative to the current chunk start. */
  private pos = 0;

  constructor(
    readonly inRate: number,
    readonly outRate: number,
    opts: ResamplerOptions = {},
  ) {
    const key = `${inRate}/${outRate}/${opts.attenuationDb ?? 80}/${opts.transition ?? 0.2}`;
    let t = tables.get(key);
    if (!t) tables.set(key, (t = design(inRate, outRate, opts)));
    this.up = t.up;
    this.down = t.down;
    this.tapsPerPhase = t.tapsPerPhase;
    this.phases = t.phases;
    this.history = new Float32Array(this.tapsPerPhase - 1);
  }

  /** Group delay in output samples, for tests that line up input and output. */
  get delayOut(): number {
    return ((this.tapsPerPhase * this.up - 1) / 2) / this.down;
  }

  process(input: Float32Array): Float32Array {
    const K = this.tapsPerPhase;
    const L = this.up;
    const M = this.down;
    const hist = K - 1;
    if (this.work.length < hist + input.length) this.work = new Float32Array(hist + input.length);
    const buf = this.work;
    buf.set(this.history, 0);
    buf.set(input, hist);
    const maxOut = Math.ceil(((input.length * L - this.pos) / M)) + 1;
    const out = new Float32Array(Math.max(0, maxOut));
    let o = 0;
    let u = this.pos;
    const limit = input.length * L;
    while (u < limit) {
      const i = Math.floor(u / L);
      const coeffs = this.phases[u - i * L]!;
      let acc = 0;
      const base = hist + i;
      for (let k = 0; k < K; k++) acc += coeffs[k]! * buf[base - k]!;
      out[o++] = acc;
      u += M;
    }
    this.pos = u - limit;
    this.history.set(buf.subarray(hist + input.length - hist, hist + input.length));
    return o === out.length ? out : out.subarray(0, o);
  }

  reset(): void {
    this.history.fill(0);
    this.pos = 0;
  }
}

function design(inRate: number, outRate: number, opts: ResamplerOptions): FilterTable {
  const g = gcd(inRate, outRate);
  const up = outRate / g;
  const down = inRate / g;
  const attenuation = opts.attenuationDb ?? 80;
  const transition = opts.transition ?? 0.2;
  const upRate = inRate * up;
  const nyq = Math.min(inRate, outRate) / 2;
  const width = (transition * nyq) / upRate;
  const cutoff = (nyq * (1 - transition / 2)) / upRate;
  const wantTaps = Math.ceil((attenuation - 8) / (14.36 * width));
  const tapsPerPhase = Math.max(4, Math.ceil(wantTaps / up));
  const n = tapsPerPhase * up;
  const beta = attenuation > 50 ? 0.1102 * (attenuation - 8.7) : 0.5842 * (attenuation - 21) ** 0.4 + 0.07886 * (attenuation - 21);
  const i0b = besselI0(beta);
  const h = new Float64Array(n);
  const mid = (n - 1) / 2;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = i - mid;
    const x = 2 * cutoff * t;
    const sinc = t === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const r = (2 * i) / (n - 1) - 1;
    const w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
    h[i] = 2 * cutoff * sinc * w;
    sum += h[i]!;
  }
  // Unity DC gain per output sample: each phase sees 1/L of the taps after zero-stuffing.
  const scale = up / sum;
  const phases: Float32Array[] = [];
  for (let p = 0; p < up; p++) {
    const ph = new Float32Array(tapsPerPhase);
    for (let k = 0; k < tapsPerPhase; k++) ph[k] = h[p + k * up]! * scale;
    phases.push(ph);
  }
  return { up, down, tapsPerPhase, phases };
}

export function int16ToFloat(pcm: Int16Array): Float32Array {
  const out = new Float32Array(pcm.length);
  for (let i = 0; i < pcm.length; i++) out[i] = pcm[i]! / 32768;
  return out;
}

export function floatToInt16(f: Float32Array): Int16Array {
  const out = new Int16Array(f.length);
  for (let i = 0; i < f.length; i++) {
    const v = Math.round(f[i]! * 32768);
    out[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
  }
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Little-endian 16-bit PCM bytes → samples (copies, so odd offsets are safe). On little-endian hosts
 * it is one memcpy: this runs for every RTP frame and every model chunk, and per-sample
 * readInt16LE calls showed up in the profiles.
 */
export function bytesToInt16(buf: Uint8Array, into?: Int16Array, at = 0): Int16Array {
  const n = buf.length >> 1;
  const out = into ?? new Int16Array(n);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer, out.byteOffset + at * 2, n * 2).set(buf.subarray(0, n * 2));
  else for (let i = 0; i < n; i++) out[at + i] = (buf[2 * i]! | (buf[2 * i + 1]! << 8)) << 16 >> 16;
  return out;
}

export function int16ToBytes(pcm: Int16Array): Buffer {
  return Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
}

export function rmsDb(f: Float32Array): number {
  let s = 0;
  for (let i = 0; i < f.length; i++) s += f[i]! * f[i]!;
  const rms = Math.sqrt(s / Math.max(1, f.length));
  return rms > 0 ? 20 * Math.log10(rms) : -120;
}
