import type { BandScale } from "./bands";
import type { LevelChannel } from "./levelChannel";
import type { SharedAudioContext } from "./sharedAudioContext";
import { createTrackMeter, type TrackMeter } from "./trackMeter";

/** Which side of the call a level belongs to. */
export type LevelSource = "local" | "bot";

/**
 * The analyser fallback: when the transport sends no level events (WavMediaManager,
 * SmallWebRTC), levels are measured from the tracks. One frame loop per provider, alive
 * only while someone listens, a track is known and transport levels are stale.
 */
export interface LevelMeters {
  setTrack(source: LevelSource, track: MediaStreamTrack | null): void;
  /** The track a source is measured from, or null. */
  track(source: LevelSource): MediaStreamTrack | null;
  /**
   * Fills `out` with frequency bands of the source's track; false (and `out` untouched)
   * when there is no track to analyse or no Web Audio: callers fall back to the level.
   */
  bands(source: LevelSource, out: Float32Array, scale: BandScale): boolean;
  /** Re-checks whether the loop should run (call when listeners change). */
  wake(): void;
  dispose(): void;
  readonly running: boolean;
}

// Transport levels arrive at 10–60 Hz; after this long without one the analyser takes over.
const STALE_MS = 500;

export function createLevelMeters(channels: Record<LevelSource, LevelChannel>, audio: SharedAudioContext): LevelMeters {
  const tracks: Record<LevelSource, MediaStreamTrack | null> = { local: null, bot: null };
  const meters: Record<LevelSource, TrackMeter | null> = { local: null, bot: null };
  let frame: number | null = null;
  const schedule =
    typeof requestAnimationFrame === "function" ? requestAnimationFrame : (cb: FrameRequestCallback) => setTimeout(() => cb(Date.now()), 16) as unknown as number;
  const cancel = typeof cancelAnimationFrame === "function" ? cancelAnimationFrame : (id: number) => clearTimeout(id);

  // The loop lives while someone listens to a source with a track; it measures only while
  // transport levels are stale, so it takes over by itself when they stop.
  function wanted(source: LevelSource): boolean {
    return tracks[source] !== null && channels[source].listenerCount > 0;
  }

  function stale(source: LevelSource): boolean {
    return performance.now() - channels[source].lastEventAt > STALE_MS;
  }

  // Each meter holds the shared context; dropping the last one closes it, which is what
  // actually frees the source nodes (disconnected ones stay alive with their context).
  function drop(source: LevelSource): void {
    const m = meters[source];
    if (!m) return;
    meters[source] = null;
    m.dispose();
    audio.release();
  }

  function meterFor(source: LevelSource): TrackMeter | null {
    const track = tracks[source];
    if (!track) return null;
    const current = meters[source];
    if (current?.track === track) return current;
    drop(source);
    const ctx = audio.acquire();
    meters[source] = ctx ? createTrackMeter(ctx, track) : null;
    return meters[source];
  }

  function tick(): void {
    frame = null;
    let any = false;
    for (const source of ["local", "bot"] as const) {
      if (!wanted(source)) continue;
      any = true;
      if (!stale(source)) continue;
      const meter = meterFor(source);
      if (meter) channels[source].push(meter.read());
    }
    if (any) frame = schedule(tick);
  }

  function wake(): void {
    if (frame !== null) return;
    if ((["local", "bot"] as const).some(wanted) && audioAvailable()) frame = schedule(tick);
  }

  function audioAvailable(): boolean {
    return typeof AudioContext === "function" && typeof MediaStream === "function";
  }

  return {
    setTrack(source, track) {
      if (tracks[source] === track) return;
      tracks[source] = track;
      if (!track) {
        drop(source);
        channels[source].push(0);
      }
      wake();
    },
    track: (source) => tracks[source],
    bands(source, out, scale) {
      if (!tracks[source] || !audioAvailable()) return false;
      const meter = meterFor(source);
      if (!meter) return false;
      meter.bands(out, scale);
      return true;
    },
    wake,
    dispose() {
      if (frame !== null) cancel(frame);
      frame = null;
      for (const s of ["local", "bot"] as const) {
        drop(s);
        tracks[s] = null;
      }
    },
    get running() {
      return frame !== null;
    },
  };
}
