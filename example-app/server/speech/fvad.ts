import fvad, { type FvadModule } from "@echogarden/fvad-wasm";
import { VadGate, type VadEvent, type VadOptions } from "../audio/vad.js";

/** Options of {@link FvadVad}: the energy VAD's timing, plus WebRTC's aggressiveness. */
export interface FvadOptions extends Pick<VadOptions, "startMs" | "hangoverMs"> {
  /** 0 (least) to 3 (most aggressive about calling noise non-speech). */
  mode?: 0 | 1 | 2 | 3;
  sampleRate?: 8000 | 16000 | 32000 | 48000;
}

let loading: Promise<FvadModule> | undefined;

/** Loads the WebAssembly module once per process. */
export function loadFvad(): Promise<FvadModule> {
  return (loading ??= fvad());
}

/**
 * WebRTC's voice-activity detector (libfvad) behind the same interface as the energy VAD in
 * audio/vad.ts: `push` a frame, get "start"/"stop". libfvad takes 10 ms pieces, so frames of any
 * length are cut into them (a remainder waits for the next frame).
 */
export class FvadVad {
  private readonly inst: number;
  private readonly ptr: number;
  private readonly piece: number;
  private readonly pieceMs = 10;
  private readonly gate: VadGate;
  private carry: number[] = [];

  constructor(
    private readonly mod: FvadModule,
    opts: FvadOptions = {},
  ) {
    const rate = opts.sampleRate ?? 16000;
    this.gate = new VadGate(opts.startMs ?? 60, opts.hangoverMs ?? 500);
    this.piece = rate / 100;
    this.inst = mod._fvad_new();
    if (!this.inst) throw new Error("fvad_new failed");
    if (mod._fvad_set_sample_rate(this.inst, rate) < 0 || mod._fvad_set_mode(this.inst, opts.mode ?? 3) < 0) {
      throw new Error("fvad rejected the sample rate or mode");
    }
    this.ptr = mod._malloc(this.piece * 2);
  }

  get speaking(): boolean {
    return this.gate.speaking;
  }

  /** Feed one frame of float samples at the configured rate; returns an event when the state flips. */
  push(frame: Float32Array, _frameMs?: number): VadEvent | null {
    let event: VadEvent | null = null;
    const samples = this.carry.length ? Float32Array.from([...this.carry, ...frame]) : frame;
    let off = 0;
    for (; off + this.piece <= samples.length; off += this.piece) {
      // HEAP16 is re-read each time: the view is replaced when the wasm memory grows.
      const heap = this.mod.HEAP16;
      const base = this.ptr >> 1;
      for (let i = 0; i < this.piece; i++) {
        const v = samples[off + i] ?? 0;
        heap[base + i] = Math.max(-32768, Math.min(32767, Math.round(v * 32768)));
      }
      const voiced = this.mod._fvad_process(this.inst, this.ptr, this.piece) === 1;
      // The energy VAD's start and hangover rules, so only the frame decision differs.
      event = this.gate.step(voiced, this.pieceMs) ?? event;
    }
    this.carry = Array.from(samples.subarray(off));
    return event;
  }

  reset(): void {
    this.mod._fvad_reset(this.inst);
    this.carry = [];
    this.gate.reset();
  }

  /** Frees the detector's wasm memory; the object is unusable afterwards. */
  free(): void {
    this.mod._free(this.ptr);
    this.mod._fvad_free(this.inst);
  }
}

/** Loads libfvad if needed and makes a detector. */
export async function createFvadVad(opts: FvadOptions = {}): Promise<FvadVad> {
  return new FvadVad(await loadFvad(), opts);
}
