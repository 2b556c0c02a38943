/** How frequency bands are spaced: logarithmically, or on the mel scale (closer to hearing). */
export type BandScale = "log" | "mel";

/** The voice's useful range: below 80 Hz is hum, above 8 kHz little speech energy. */
export const BAND_MIN_HZ = 80;
export const BAND_MAX_HZ = 8000;

const mel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const hzOfMel = (m: number): number => 700 * (Math.pow(10, m / 2595) - 1);

/**
 * The FFT bin ranges of `count` bands between `minHz` and `maxHz`: band i covers bins
 * [edges[i], edges[i + 1]). Every band gets at least one bin, so low bands narrower than a
 * bin still move (they then share neighbouring bins rather than staying empty).
 */
export function bandEdges(count: number, sampleRate: number, fftSize: number, scale: BandScale = "mel", minHz = BAND_MIN_HZ, maxHz = BAND_MAX_HZ): Uint16Array {
  const bins = fftSize / 2;
  const hzPerBin = sampleRate / fftSize;
  const top = Math.min(maxHz, sampleRate / 2);
  const lo = scale === "mel" ? mel(minHz) : Math.log(minHz);
  const hi = scale === "mel" ? mel(top) : Math.log(top);
  const edges = new Uint16Array(count + 1);
  for (let i = 0; i <= count; i++) {
    const v = lo + ((hi - lo) * i) / count;
    const hz = scale === "mel" ? hzOfMel(v) : Math.exp(v);
    edges[i] = Math.min(bins, Math.round(hz / hzPerBin));
  }
  for (let i = 1; i <= count; i++) if ((edges[i] as number) <= (edges[i - 1] as number)) edges[i] = Math.min(bins, (edges[i - 1] as number) + 1);
  // Pushed past the end by the minimum widths: slide the low edges back so each band stays one bin wide.
  for (let i = count - 1; i >= 0; i--) if ((edges[i] as number) >= (edges[i + 1] as number)) edges[i] = Math.max(0, (edges[i + 1] as number) - 1);
  return edges;
}

/** The dB range the analyser maps onto 0..255 (`minDecibels` / `maxDecibels`). */
export const BAND_FLOOR_DB = -95;
export const BAND_CEIL_DB = -30;

/**
 * Band levels 0..1 from an analyser's byte spectrum (`getByteFrequencyData`, already dB
 * mapped onto 0..255 between the analyser's floor and ceiling): the mean of each band's
 * bins, with a gentle tilt that lifts high bands (speech has far less energy there, and
 * flat bars would look dead). Bytes, not floats: no logarithm per bin, every frame.
 */
export function spectrumToBands(spectrum: Uint8Array, edges: Uint16Array, out: Float32Array): void {
  const n = out.length;
  // 6 dB of tilt across the bands, in the byte scale.
  const tiltMax = (6 / (BAND_CEIL_DB - BAND_FLOOR_DB)) * 255;
  for (let i = 0; i < n; i++) {
    const from = edges[i] as number;
    const to = Math.min(spectrum.length, Math.max(from + 1, edges[i + 1] as number));
    let sum = 0;
    for (let b = from; b < to; b++) sum += spectrum[b] as number;
    const mean = to > from ? sum / (to - from) : 0;
    const v = mean > 0 ? (mean + (n > 1 ? (tiltMax * i) / (n - 1) : 0)) / 255 : 0;
    out[i] = v >= 1 ? 1 : v;
  }
}
