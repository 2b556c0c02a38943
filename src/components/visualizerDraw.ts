/** How a {@link VoiceVisualizer} draws. */
export type VisualizerVariant = "bars" | "circle" | "wave" | "orb";

/** Everything a frame needs besides the bar values; lengths in device pixels. */
export interface VisualizerStyle {
  readonly variant: VisualizerVariant;
  readonly color: string;
  readonly gap: number;
  /** Corner radius; null rounds the bars into pills. */
  readonly radius: number | null;
  /** Bar height at rest and at full level, as fractions of the height. */
  readonly minBar: number;
  readonly maxBar: number;
}

// Golden-angle phases: neighbouring bars never move in step, and the pattern is the same on
// every run (no randomness, so tests and screenshots are stable).
const PHASE = 2.399963;

/**
 * A pseudo-spectrum from one level: bars weighted towards the centre, with a small per-bar
 * variation that changes with the level itself. The square root lifts quiet speech, whose
 * RMS rarely passes 0.3, into a visible range.
 */
export function barTargets(level: number, out: Float32Array): void {
  const n = out.length;
  const l = Math.sqrt(Math.min(1, Math.max(0, level)));
  for (let i = 0; i < n; i++) {
    const x = n === 1 ? 0 : (i / (n - 1)) * 2 - 1;
    const weight = 1 - 0.55 * x * x;
    const variation = 0.86 + 0.14 * Math.sin(level * 19 + i * PHASE);
    out[i] = Math.min(1, l * weight * variation * 1.1);
  }
}

/**
 * Moves `bars` towards `targets`: fast attack, slow decay, scaled by the frame time so it
 * looks the same at 30, 60 or 120 Hz. Returns true once every bar has arrived.
 */
export function smoothBars(bars: Float32Array, targets: Float32Array, dtMs: number): boolean {
  const frames = Math.min(4, Math.max(0.25, dtMs / 16.67));
  const attack = 1 - Math.pow(1 - 0.45, frames);
  const decay = 1 - Math.pow(1 - 0.12, frames);
  let settled = true;
  for (let i = 0; i < bars.length; i++) {
    const cur = bars[i] as number;
    const target = targets[i] as number;
    const diff = target - cur;
    if (Math.abs(diff) < 0.002) {
      bars[i] = target;
      continue;
    }
    settled = false;
    bars[i] = cur + diff * (diff > 0 ? attack : decay);
  }
  return settled;
}

type Ctx = CanvasRenderingContext2D;

function drawBars(ctx: Ctx, w: number, h: number, bars: Float32Array, s: VisualizerStyle): void {
  const n = bars.length;
  const gap = Math.min(s.gap, (w / n) * 0.8);
  const bw = Math.max(1, (w - gap * (n - 1)) / n);
  for (let i = 0; i < n; i++) {
    const bh = Math.max(1, h * (s.minBar + (s.maxBar - s.minBar) * (bars[i] as number)));
    const x = i * (bw + gap);
    const y = (h - bh) / 2;
    const r = Math.min(s.radius ?? bw / 2, bw / 2, bh / 2);
    if (typeof ctx.roundRect === "function" && r > 0) {
      ctx.beginPath();
      ctx.roundRect(x, y, bw, bh, r);
      ctx.fill();
    } else {
      ctx.fillRect(x, y, bw, bh);
    }
  }
}

function average(bars: Float32Array): number {
  let sum = 0;
  for (const b of bars) sum += b;
  return bars.length ? sum / bars.length : 0;
}

function drawCircle(ctx: Ctx, w: number, h: number, bars: Float32Array, s: VisualizerStyle): void {
  const max = Math.min(w, h) / 2;
  const r = max * (s.minBar + (s.maxBar - s.minBar) * average(bars));
  ctx.globalAlpha = 0.25;
  ctx.beginPath();
  ctx.arc(w / 2, h / 2, Math.min(max, r * 1.2), 0, Math.PI * 2);
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.arc(w / 2, h / 2, Math.max(1, r * 0.8), 0, Math.PI * 2);
  ctx.fill();
}

function drawWave(ctx: Ctx, w: number, h: number, bars: Float32Array, s: VisualizerStyle): void {
  const n = bars.length;
  const mid = h / 2;
  ctx.lineWidth = Math.max(1, s.gap / 2);
  ctx.lineJoin = "round";
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(0, mid);
  // One lobe per bar, alternating up and down: a calm standing wave whose amplitude is the level.
  for (let i = 0; i < n; i++) {
    const amp = (h / 2) * (s.minBar * 0.2 + (s.maxBar - s.minBar) * (bars[i] as number)) * (i % 2 ? -1 : 1);
    const x0 = (i / n) * w;
    const x1 = ((i + 1) / n) * w;
    ctx.quadraticCurveTo((x0 + x1) / 2, mid - amp * 2, x1, mid);
  }
  ctx.stroke();
}

/**
 * A radial "orb": one spoke per bar around a core, joined into a smooth closed outline, so
 * frequency bands read as a shape that breathes with the voice.
 */
function drawOrb(ctx: Ctx, w: number, h: number, bars: Float32Array, s: VisualizerStyle): void {
  const n = bars.length;
  const cx = w / 2;
  const cy = h / 2;
  const max = Math.min(w, h) / 2;
  const core = max * 0.5;
  const reach = max - core;
  const point = (i: number): [number, number] => {
    const a = (i / n) * Math.PI * 2 - Math.PI / 2;
    const r = core + reach * (s.minBar + (s.maxBar - s.minBar) * (bars[((i % n) + n) % n] as number));
    return [cx + Math.cos(a) * r, cy + Math.sin(a) * r];
  };
  ctx.globalAlpha = 0.35;
  ctx.beginPath();
  if (n < 3) {
    ctx.arc(cx, cy, Math.hypot(point(0)[0] - cx, point(0)[1] - cy), 0, Math.PI * 2);
  } else {
    // Through the midpoints, with the spoke tips as control points: a closed smooth curve.
    const [x0, y0] = point(0);
    const [x1, y1] = point(1);
    ctx.moveTo((x0 + x1) / 2, (y0 + y1) / 2);
    for (let i = 1; i <= n; i++) {
      const [px, py] = point(i);
      const [qx, qy] = point(i + 1);
      ctx.quadraticCurveTo(px, py, (px + qx) / 2, (py + qy) / 2);
    }
    ctx.closePath();
  }
  ctx.fill();
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.arc(cx, cy, Math.max(1, core * (0.85 + 0.15 * average(bars))), 0, Math.PI * 2);
  ctx.fill();
}

/** Clears the canvas and draws one frame. */
export function drawVisualizer(ctx: Ctx, w: number, h: number, bars: Float32Array, s: VisualizerStyle): void {
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = s.color;
  ctx.strokeStyle = s.color;
  if (s.variant === "circle") drawCircle(ctx, w, h, bars, s);
  else if (s.variant === "wave") drawWave(ctx, w, h, bars, s);
  else if (s.variant === "orb") drawOrb(ctx, w, h, bars, s);
  else drawBars(ctx, w, h, bars, s);
}
