/** Reads the loudness of one audio track through an AnalyserNode. */
export interface TrackMeter {
  readonly track: MediaStreamTrack;
  read(): number;
  dispose(): void;
}

// Speech RMS sits around 0.02–0.3; this gain maps it onto the 0..1 range transports use.
const GAIN = 4;

export function createTrackMeter(ctx: AudioContext, track: MediaStreamTrack): TrackMeter {
  const source = ctx.createMediaStreamSource(new MediaStream([track]));
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  return {
    track,
    read() {
      analyser.getFloatTimeDomainData(buf);
      let sum = 0;
      for (let i = 0; i < buf.length; i++) sum += (buf[i] ?? 0) * (buf[i] ?? 0);
      return Math.min(1, Math.sqrt(sum / buf.length) * GAIN);
    },
    dispose() {
      source.disconnect();
      analyser.disconnect();
    },
  };
}
