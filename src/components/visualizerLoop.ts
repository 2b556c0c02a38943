import { barTargets, drawVisualizer, smoothBars, type VisualizerVariant } from "./visualizerDraw";

/** Where the loop reads levels: the level bus, or a value a story or test gives. */
export interface LevelSource {
  get(): number;
  /** Pushes wake the loop; without it (a `levels` function) the loop polls while visible. */
  subscribe?(listener: () => void): () => void;
  /**
   * Fills one value 0..1 per bar from frequency bands; false when there are none right now
   * (no analysable track): the bars then spread the single level, as without it.
   */
  bands?(out: Float32Array): boolean;
}

/** The drawing settings the component may change at any time; lengths in CSS pixels. */
export interface LoopStyle {
  readonly variant: VisualizerVariant;
  readonly gap: number;
  readonly radius: number | null;
  readonly minBar: number;
  readonly maxBar: number;
  /** Draw in the idle colour (not connected). */
  readonly idle: boolean;
}

/** A running visualizer loop. */
export interface VisualizerLoop {
  /** Redraws now (re-reading colours when asked) and resumes animating if needed. */
  wake(recolor?: boolean): void;
  dispose(): void;
}

const REDUCED = "(prefers-reduced-motion: reduce)";
// Under reduced motion the bars jump between a few heights, and only when the step changes.
const CALM_STEPS = 6;
const CALM_POLL_MS = 250;

const media = (query: string): MediaQueryList | null =>
  typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(query) : null;

/**
 * One canvas, one `requestAnimationFrame` loop: it runs only while levels move and the
 * canvas is on screen in a visible page, sizes the backing store to device pixels, reads
 * colours from CSS variables once per resize or theme change, and under
 * `prefers-reduced-motion` never animates.
 */
export function startVisualizerLoop(root: HTMLElement, canvas: HTMLCanvasElement, count: number, source: LevelSource, style: () => LoopStyle): VisualizerLoop {
  const ctx = canvas.getContext("2d");
  const targets = new Float32Array(count);
  const bars = new Float32Array(count);
  const continuous = !source.subscribe;
  let frame: number | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;
  let onScreen = true;
  let width = 0;
  let height = 0;
  let dpr = 1;
  let lastT = 0;
  let lastStep = -1;
  const colors = { active: "#000", idle: "#000" };
  const reducedQuery = media(REDUCED);
  let reduced = reducedQuery?.matches ?? false;
  const cleanups: Array<() => void> = [];

  const running = (): boolean => ctx !== null && onScreen && !document.hidden && width > 0 && height > 0;

  function readColors(): void {
    const cs = getComputedStyle(root);
    const pick = (name: string, fallback: string): string => {
      const v = cs.getPropertyValue(name).trim();
      return v && v.toLowerCase() !== "currentcolor" ? v : fallback;
    };
    colors.active = pick("--rtvi-visualizer-color", cs.color || "#000");
    colors.idle = pick("--rtvi-visualizer-idle-color", colors.active);
  }

  function resize(deviceW: number, deviceH: number): void {
    dpr = typeof window !== "undefined" && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
    width = Math.round(deviceW);
    height = Math.round(deviceH);
    // Assigning width/height clears the canvas even when unchanged: only on a real change.
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
  }

  function paint(): void {
    if (!ctx || width === 0 || height === 0) return;
    const s = style();
    const radius = s.radius === null ? null : s.radius * dpr;
    drawVisualizer(ctx, width, height, bars, { variant: s.variant, color: s.idle ? colors.idle : colors.active, gap: s.gap * dpr, radius, minBar: s.minBar, maxBar: s.maxBar });
  }

  function tick(t: number): void {
    frame = null;
    const dt = lastT ? t - lastT : 16.67;
    lastT = t;
    if (!source.bands?.(targets)) barTargets(source.get(), targets);
    const settled = smoothBars(bars, targets, dt);
    paint();
    if (!settled || continuous) schedule();
    else lastT = 0;
  }

  function calm(): void {
    const step = Math.round(source.get() * CALM_STEPS) / CALM_STEPS;
    if (step === lastStep) return;
    lastStep = step;
    barTargets(step, bars);
    paint();
  }

  function stop(): void {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    lastT = 0;
    if (poll !== null) clearInterval(poll);
    poll = null;
  }

  function schedule(): void {
    if (!running()) return;
    if (reduced) {
      calm();
      if (continuous && poll === null) poll = setInterval(calm, CALM_POLL_MS);
    } else if (frame === null) {
      frame = requestAnimationFrame(tick);
    }
  }

  function restart(): void {
    stop();
    lastStep = -1;
    paint();
    schedule();
  }

  // The first size: layout is done by the time effects run. jsdom (and a canvas not laid out
  // yet) reports 0: keep the canvas's own size rather than drawing nothing.
  const dprNow = typeof window !== "undefined" && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1;
  resize(root.clientWidth ? root.clientWidth * dprNow : canvas.width, root.clientHeight ? root.clientHeight * dprNow : canvas.height);
  readColors();

  if (typeof ResizeObserver === "function") {
    const ro = new ResizeObserver((entries) => {
      const e = entries[entries.length - 1];
      if (!e) return;
      const box = e.devicePixelContentBoxSize?.[0];
      const ratio = window.devicePixelRatio || 1;
      resize(box ? box.inlineSize : e.contentRect.width * ratio, box ? box.blockSize : e.contentRect.height * ratio);
      readColors();
      restart();
    });
    try {
      ro.observe(root, { box: "device-pixel-content-box" });
    } catch {
      ro.observe(root);
    }
    cleanups.push(() => ro.disconnect());
  }
  if (typeof IntersectionObserver === "function") {
    const io = new IntersectionObserver((entries) => {
      onScreen = entries[entries.length - 1]?.isIntersecting ?? true;
      if (onScreen) schedule();
      else stop();
    });
    io.observe(root);
    cleanups.push(() => io.disconnect());
  }
  const onVisibility = (): void => (document.hidden ? stop() : schedule());
  document.addEventListener("visibilitychange", onVisibility);
  cleanups.push(() => document.removeEventListener("visibilitychange", onVisibility));

  const onReduced = (e: MediaQueryListEvent): void => {
    reduced = e.matches;
    restart();
  };
  reducedQuery?.addEventListener?.("change", onReduced);
  cleanups.push(() => reducedQuery?.removeEventListener?.("change", onReduced));

  // Theme switches: the OS scheme, or a data-rtvi-theme / class change on <html> or <body>.
  const recolor = (): void => {
    readColors();
    paint();
  };
  const scheme = media("(prefers-color-scheme: dark)");
  scheme?.addEventListener?.("change", recolor);
  cleanups.push(() => scheme?.removeEventListener?.("change", recolor));
  if (typeof MutationObserver === "function") {
    const mo = new MutationObserver(recolor);
    for (const el of [document.documentElement, document.body]) if (el) mo.observe(el, { attributes: true, attributeFilter: ["data-rtvi-theme", "class"] });
    cleanups.push(() => mo.disconnect());
  }

  if (source.subscribe) cleanups.push(source.subscribe(schedule));
  paint();
  schedule();

  return {
    wake(recolorToo = false) {
      if (recolorToo) readColors();
      restart();
    },
    dispose() {
      stop();
      for (const c of cleanups.splice(0)) c();
    },
  };
}
