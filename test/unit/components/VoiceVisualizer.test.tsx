import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VoiceVisualizer } from "../../../src";
import type { RTVIContextValue } from "../../../src/provider/context";
import { renderWithClient, scriptedClient } from "../../support/session";
import { ContextProbe, READY } from "./helpers";

// A manual frame clock: the test decides when frames run and can count the live loops.
const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;
let now = 0;
function runFrames(n: number): void {
  for (let i = 0; i < n; i++) {
    const due = [...frames.entries()];
    frames.clear();
    now += 16.67;
    act(() => {
      for (const [, cb] of due) cb(now);
    });
  }
}

// A recording 2D context: bar heights per frame (each frame starts with clearRect).
let drawn: number[][] = [];
function fakeContext(): Partial<CanvasRenderingContext2D> {
  const push = (h: number) => drawn[drawn.length - 1]?.push(h);
  return {
    clearRect: () => void drawn.push([]),
    beginPath: () => undefined,
    fill: () => undefined,
    stroke: () => undefined,
    arc: () => undefined,
    moveTo: () => undefined,
    quadraticCurveTo: () => undefined,
    roundRect: (_x: number, _y: number, _w: number, h: number | DOMPointInit) => push(h as number),
    fillRect: (_x: number, _y: number, _w: number, h: number) => push(h),
  };
}
const lastFrame = () => drawn[drawn.length - 1] ?? [];
const tallest = () => Math.max(...lastFrame());

function mount(ui: (probe: React.ReactNode) => React.ReactNode) {
  let ctx: RTVIContextValue | null = null;
  const { client } = scriptedClient(READY);
  const view = renderWithClient(client, ui(<ContextProbe onContext={(c) => (ctx = c)} />));
  return { ...view, client, session: () => (ctx as unknown as RTVIContextValue).session };
}

describe("VoiceVisualizer", () => {
  beforeEach(() => {
    frames.clear();
    drawn = [];
    vi.spyOn(window, "requestAnimationFrame").mockImplementation((cb) => {
      frames.set(nextFrame, cb);
      return nextFrame++;
    });
    vi.spyOn(window, "cancelAnimationFrame").mockImplementation((id) => void frames.delete(id));
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(fakeContext as unknown as HTMLCanvasElement["getContext"]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    Reflect.deleteProperty(window, "matchMedia");
  });

  it("draws from the level bus: bars grow with a pushed level and settle back", () => {
    const { session } = mount((probe) => (
      <>
        {probe}
        <VoiceVisualizer barCount={7} />
      </>
    ));
    runFrames(1);
    const rest = tallest();
    expect(lastFrame()).toHaveLength(7);
    expect(frames.size).toBe(0); // at rest: no loop running

    act(() => session().levels.bot.push(0.8));
    expect(frames.size).toBe(1);
    runFrames(3);
    const rising = tallest();
    runFrames(10);
    expect(tallest()).toBeGreaterThan(rest * 3);
    expect(tallest()).toBeGreaterThanOrEqual(rising);
    // Weighted towards the centre (a pseudo-spectrum), neighbours differ.
    const heights = lastFrame() as [number, number, number, number, number, number, number];
    expect(heights[3]).toBeGreaterThan(heights[0] * 1.3);
    expect(heights[3]).toBeGreaterThan(heights[6] * 1.3);
    expect(new Set(heights).size).toBeGreaterThan(3);

    act(() => session().levels.bot.push(0));
    runFrames(200);
    expect(tallest()).toBeCloseTo(rest, 0);
    expect(frames.size).toBe(0); // settled: the loop stopped by itself
  });

  it("runs one loop and cancels it on unmount", () => {
    const { session, unmount } = mount((probe) => (
      <>
        {probe}
        <VoiceVisualizer participant="local" />
      </>
    ));
    act(() => session().levels.mic.push(0.5));
    runFrames(2);
    act(() => session().levels.mic.push(0.9));
    expect(frames.size).toBe(1);
    const listeners = session().levels.mic.listenerCount;
    expect(listeners).toBe(1);
    unmount();
    expect(frames.size).toBe(0);
    expect(session().levels.mic.listenerCount).toBe(0);
  });

  it("takes levels from a prop and polls a levels function every frame", () => {
    let level = 0;
    mount(() => <VoiceVisualizer levels={() => level} />);
    expect(frames.size).toBe(1);
    runFrames(2);
    const rest = tallest();
    level = 1;
    runFrames(15);
    expect(tallest()).toBeGreaterThan(rest * 3);
  });

  it("under reduced motion draws only when the coarse level changes, with no frame loop", () => {
    Object.defineProperty(window, "matchMedia", {
      configurable: true,
      value: (q: string) => ({ matches: q.includes("reduced-motion"), media: q, addEventListener: () => undefined, removeEventListener: () => undefined }),
    });
    const { session } = mount((probe) => (
      <>
        {probe}
        <VoiceVisualizer />
      </>
    ));
    const before = drawn.length;
    act(() => session().levels.bot.push(0.8));
    expect(frames.size).toBe(0);
    expect(drawn.length).toBe(before + 1);
    const high = tallest();
    act(() => session().levels.bot.push(0.81)); // the same step: no redraw
    expect(drawn.length).toBe(before + 1);
    act(() => session().levels.bot.push(0));
    expect(drawn.length).toBe(before + 2);
    expect(tallest()).toBeLessThan(high);
  });

  it("tells the agent's state in its accessible name", async () => {
    const { client } = mount(() => <VoiceVisualizer />);
    expect(screen.getByRole("img", { name: "Not connected" })).toHaveAttribute("data-state", "disconnected");
    await act(() => client.connect());
    expect(screen.getByRole("img", { name: "Listening" })).toHaveAttribute("data-participant", "bot");
    await act(() => client.disconnect());
  });
});
