import { BAND_CEIL_DB, BAND_FLOOR_DB, bandEdges, spectrumToBands, type BandScale } from "./bands";

/** Reads the loudness of one audio track through an AnalyserNode. */
export interface TrackMeter {
  readonly track: MediaStreamTrack;
  read(): number;
  /** Fills `out` with frequency band levels 0..1 (one per element). */
  bands(out: Float32Array, scale: BandScale): void;
  dispose(): void;
}

// The band analyser needs finer bins than the level one: 2048 at 48 kHz is 23 Hz per bin.
const BAND_FFT = 2048;

// Speech RMS sits around 0.02–0.3; this gain maps it onto the 0..1 range transports use.
const GAIN = 4;

export function createTrackMeter(ctx: AudioContext, track: MediaStreamTrack): TrackMeter {
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  // Made on the first band read only: a level-only visualizer pays nothing for it.
  let spectrum: { node: AnalyserNode; data: Uint8Array<ArrayBuffer>; edges: Uint16Array; count: number; scale: BandScale } | null = null;
  return {
    track,
    read() {
      analyser.getFloatTimeDomainData(buf);
      let sum = 0;
      for (let i = 0; i < buf.length; i++) sum += (buf[i] ?? 0) * (buf[i] ?? 0);
      return Math.min(1, Math.sqrt(sum / buf.length) * GAIN);
    },
    bands(out, scale) {
      if (!spectrum) {
        const node = ctx.createAnalyser();
        node.fftSize = BAND_FFT;
        node.smoothingTimeConstant = 0.5;
        node.minDecibels = BAND_FLOOR_DB;
        node.maxDecibels = BAND_CEIL_DB;
        source.connect(node);
        spectrum = { node, data: new Uint8Array(node.frequencyBinCount), edges: new Uint16Array(0), count: -1, scale };
      }
      if (spectrum.count !== out.length || spectrum.scale !== scale) {
        spectrum.edges = bandEdges(out.length, ctx.sampleRate, BAND_FFT, scale);
        spectrum.count = out.length;
        spectrum.scale = scale;
      }
      spectrum.node.getByteFrequencyData(spectrum.data);
      spectrumToBands(spectrum.data, spectrum.edges, out);
    },
    dispose() {
      source.disconnect();
      analyser.disconnect();
      spectrum?.node.disconnect();
    },
  };
}
