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

/**
 * Band levels 0..1 from an analyser's dB spectrum (`getFloatFrequencyData`): the mean
 * power of each band's bins, mapped from `[floorDb, ceilDb]`, with a gentle tilt that lifts
 * high bands (speech has far less energy there, and flat bars would look dead).
 */
export function spectrumToBands(spectrumDb: Float32Array, edges: Uint16Array, out: Float32Array, floorDb = -95, ceilDb = -30): void {
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const from = edges[i] as number;
    const to = Math.max(from + 1, edges[i + 1] as number);
    let power = 0;
    let bins = 0;
    for (let b = from; b < to && b < spectrumDb.length; b++) {
      const db = spectrumDb[b] as number;
      if (Number.isFinite(db)) power += Math.pow(10, db / 10);
      bins++;
    }
    const db = bins && power > 0 ? 10 * Math.log10(power / bins) : floorDb;
    const tilt = n > 1 ? (6 * i) / (n - 1) : 0;
    const v = (db + tilt - floorDb) / (ceilDb - floorDb);
    out[i] = v <= 0 ? 0 : v >= 1 ? 1 : v;
  }
}
