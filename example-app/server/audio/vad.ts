import { rmsDb } from "./resampler.js";

export interface VadOptions {
  /** Frames louder than this (dBFS) count as voice, if also well above the noise floor. */
  thresholdDb?: number;
  /** How far above the tracked noise floor a frame must be. */
  marginDb?: number;
  /** Consecutive voiced time needed to start, so a click does not start a turn. */
  startMs?: number;
  /** Silence needed before speech counts as stopped (hangover). */
  hangoverMs?: number;
}

export type VadEvent = { type: "start" } | { type: "stop"; speechMs: number };

/**
 * The start and hangover rules every VAD here shares: fed one voiced/unvoiced decision per
 * frame (from any classifier), it says when speech starts and stops.
 */
export class VadGate {
  private voicedRun = 0;
  private silentRun = 0;
  private speechMs = 0;
  speaking = false;

  constructor(
    private readonly startMs: number,
    private readonly hangoverMs: number,
  ) {}

  step(voiced: boolean, ms: number): VadEvent | null {
    if (voiced) {
      this.voicedRun += ms;
      this.silentRun = 0;
    } else {
      this.silentRun += ms;
      if (!this.speaking) this.voicedRun = 0;
    }
    if (this.speaking) {
      this.speechMs += ms;
      if (this.silentRun >= this.hangoverMs) {
        this.speaking = false;
        const speechMs = this.speechMs - this.silentRun;
        this.voicedRun = 0;
        return { type: "stop", speechMs };
      }
      return null;
    }
    if (this.voicedRun >= this.startMs) {
      this.speaking = true;
      this.speechMs = this.voicedRun;
      return { type: "start" };
    }
    return null;
  }

  reset(): void {
    this.speaking = false;
    this.voicedRun = 0;
    this.silentRun = 0;
    this.speechMs = 0;
  }
}

/** Energy voice-activity detector with a slowly adapting noise floor and hangover. */
export class EnergyVad {
  private readonly threshold: number;
  private readonly margin: number;
  private readonly gate: VadGate;
  private noiseDb = -70;

  constructor(opts: VadOptions = {}) {
    this.threshold = opts.thresholdDb ?? -45;
    this.margin = opts.marginDb ?? 10;
    this.gate = new VadGate(opts.startMs ?? 60, opts.hangoverMs ?? 500);
  }

  get speaking(): boolean {
    return this.gate.speaking;
  }

  /** Feed one frame; returns an event when the speaking state flips. */
  push(frame: Float32Array, frameMs: number): VadEvent | null {
    const db = rmsDb(frame);
    const voiced = db > this.threshold && db > this.noiseDb + this.margin;
    // The floor follows quiet frames quickly and loud ones very slowly, so speech does not raise it.
    if (!voiced) this.noiseDb += (db - this.noiseDb) * (db < this.noiseDb ? 0.3 : 0.05);
    else this.noiseDb += (db - this.noiseDb) * 0.002;
    return this.gate.step(voiced, frameMs);
  }

  reset(): void {
    this.gate.reset();
  }
}
