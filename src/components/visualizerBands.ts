import type { BandScale } from "../audio/bands";
import type { LevelMeters, LevelSource as MeterSource } from "../audio/levelMeters";
import type { LevelSource } from "./visualizerLoop";

/** What the band reader needs, re-read every frame so props apply without a restart. */
export interface BandSettings {
  readonly scale: BandScale | undefined;
  /** Given bands (stories, tests) win over the analyser. */
  readonly levels: (() => ArrayLike<number>) | undefined;
  readonly meters: LevelMeters;
  readonly participant: MeterSource;
}

/**
 * A visualizer source that also has frequency bands: the given ones, else the analyser on
 * the participant's track. With given bands the loop runs every frame (nothing pushes),
 * and the single level is their mean (reduced motion draws that).
 */
export function withBands(base: LevelSource, settings: () => BandSettings): LevelSource {
  const initial = settings();
  const read = (out: Float32Array): boolean => {
    const s = settings();
    if (s.levels) {
      const given = s.levels();
      for (let i = 0; i < out.length; i++) {
        const v = Number(given[i % Math.max(1, given.length)] ?? 0);
        out[i] = Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
      }
      return given.length > 0;
    }
    return s.scale !== undefined && s.meters.bands(s.participant, out, s.scale);
  };
  if (!initial.levels) return { ...base, bands: read };
  return {
    get: () => {
      const given = settings().levels?.() ?? [];
      let sum = 0;
      for (let i = 0; i < given.length; i++) sum += Number(given[i]) || 0;
      return given.length ? sum / given.length : base.get();
    },
    bands: read,
  };
}
