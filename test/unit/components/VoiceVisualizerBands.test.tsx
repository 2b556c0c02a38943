import { act } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VoiceVisualizer } from "../../../src";
import { bandEdges, spectrumToBands } from "../../../src/audio/bands";
import { createLevelChannel } from "../../../src/audio/levelChannel";
import { createLevelMeters } from "../../../src/audio/levelMeters";
import { createSharedAudioContext } from "../../../src/audio/sharedAudioContext";
import type { RTVIContextValue } from "../../../src/provider/context";
import { renderWithClient, scriptedClient } from "../../support/session";
import { ContextProbe, READY } from "./helpers";

const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;
let now = 0;
function runFrames(n: number): void {
  for (let i = 0; i < n; i++) {
    const due = [...frames.values()];
    frames.clear();
    now += 16.67;
    act(() => due.forEach((cb) => cb(now)));
  }
}

// Records bar heights (bars variant) and curve segments (orb variant) of the last frame.
let drawn: number[][] = [];
let curves = 0;
function fakeContext(): Partial<CanvasRenderingContext2D> {
  const push = (h: number) => drawn[drawn.length - 1]?.push(h);
  return {
    clearRect: () => {
      drawn.push([]);
      curves = 0;
    },
    beginPath: () => undefined,
    closePath: () => undefined,
    fill: () => undefined,
    stroke: () => undefined,
    arc: () => undefined,
    moveTo: () => undefined,
    quadraticCurveTo: () => void curves++,
    roundRect: (_x: number, _y: number, _w: number, h: number | DOMPointInit) => push(h as number),
    fillRect: (_x: number, _y: number, _w: number, h: number) => push(h),
  };
}
const lastFrame = () => drawn[drawn.length - 1] ?? [];

function mount(ui: React.ReactNode) {
  let ctx: RTVIContextValue | null = null;
  const { client } = scriptedClient(READY);
  renderWithClient(
    client,
    <>
      <ContextProbe onContext={(c) => (ctx = c)} />
      {ui}
    </>,
  );
  return { session: () => (ctx as unknown as RTVIContextValue).session };
}

describe("frequency bands", () => {
  it("mel and log edges rise, give every band a bin, and put more bands low than linear spacing would", () => {
    for (const scale of ["mel", "log"] as const) {
      const e = bandEdges(16, 48000, 2048, scale);
      expect(e).toHaveLength(17);
      for (let i = 1; i < e.length; i++) expect(e[i]).toBeGreaterThan(e[i - 1] as number);
      // 80 Hz .. 8 kHz at 23.4 Hz per bin.
      expect(e[0]).toBe(Math.round(80 / (48000 / 2048)));
      expect(e[16]).toBe(Math.round(8000 / (48000 / 2048)));
      // The middle edge sits well below the linear midpoint (4 kHz).
      expect((e[8] as number) * (48000 / 2048)).toBeLessThan(scale === "log" ? 1200 : 2500);
    }
    expect(Array.from(bandEdges(8, 48000, 2048, "log"))).not.toEqual(Array.from(bandEdges(8, 48000, 2048, "mel")));
    // Low mel bands narrower than a bin (62.5 Hz here): each still gets one.
    const tight = bandEdges(20, 16000, 256, "mel");
    for (let i = 1; i < tight.length; i++) expect(tight[i]).toBeGreaterThan(tight[i - 1] as number);
  });

  it("a tone lights the band it falls in", () => {
    const fft = 2048;
    const spectrum = new Uint8Array(fft / 2);
    const bin = Math.round(1000 / (48000 / fft));
    spectrum[bin] = 230;
    const edges = bandEdges(12, 48000, fft, "mel");
    const out = new Float32Array(12);
    spectrumToBands(spectrum, edges, out);
    const band = out.indexOf(Math.max(...out));
    expect(edges[band]).toBeLessThanOrEqual(bin);
    expect(edges[band + 1]).toBeGreaterThan(bin);
    expect(out.filter((v) => v > 0)).toHaveLength(1);
  });

  it("LevelMeters reads bands from the track's analyser, and says false without a track", () => {
    const spectra: Uint8Array[] = [];
    class FakeAnalyser {
      fftSize = 2048;
      smoothingTimeConstant = 0.8;
      get frequencyBinCount() {
        return this.fftSize / 2;
      }
      getFloatTimeDomainData(b: Float32Array) {
        b.fill(0);
      }
      getByteFrequencyData(b: Uint8Array) {
        b.fill(0);
        b[Math.round(3000 / (48000 / this.fftSize))] = 255;
        spectra.push(b);
      }
      connect() {}
      disconnect() {}
    }
    class FakeContext {
      state = "running";
      sampleRate = 48000;
      createMediaStreamSource = () => ({ connect() {}, disconnect() {} });
      createAnalyser = () => new FakeAnalyser();
      close = async () => undefined;
      resume = async () => undefined;
    }
    vi.stubGlobal("AudioContext", FakeContext);
    vi.stubGlobal("MediaStream", class {});
    try {
      const meters = createLevelMeters({ local: createLevelChannel(), bot: createLevelChannel() }, createSharedAudioContext());
      const out = new Float32Array(10);
      expect(meters.bands("bot", out, "mel")).toBe(false);
      meters.setTrack("bot", { kind: "audio" } as MediaStreamTrack);
      expect(meters.bands("bot", out, "mel")).toBe(true);
      expect(spectra).toHaveLength(1);
      const edges = bandEdges(10, 48000, 2048, "mel");
      const bin = Math.round(3000 / (48000 / 2048));
      const band = out.indexOf(Math.max(...out));
      expect(edges[band]).toBeLessThanOrEqual(bin);
      expect(edges[band + 1]).toBeGreaterThan(bin);
      meters.dispose();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("VoiceVisualizer bands and orb", () => {
  beforeEach(() => {
    frames.clear();
    drawn = [];
    curves = 0;
    vi.spyOn(window, "requestAnimationFrame").mockImplementation((cb) => {
      frames.set(nextFrame, cb);
      return nextFrame++;
    });
    vi.spyOn(window, "cancelAnimationFrame").mockImplementation((id) => void frames.delete(id));
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockImplementation(fakeContext as unknown as HTMLCanvasElement["getContext"]);
  });
  afterEach(() => vi.restoreAllMocks());

  it("draws one bar per band from band levels (not the centre-weighted spread of one level)", () => {
    const values = [0.1, 0.3, 0.5, 0.7, 0.9, 1];
    mount(<VoiceVisualizer barCount={6} bandLevels={() => values} />);
    runFrames(30);
    const heights = lastFrame();
    expect(heights).toHaveLength(6);
    for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeGreaterThan(heights[i - 1] as number);
    // Given bands never settle by themselves: the loop keeps running while on screen.
    expect(frames.size).toBe(1);
  });

  it("with bands but no analysable track, transport levels still drive the bars", () => {
    const { session } = mount(<VoiceVisualizer barCount={5} bands="mel" data-testid="v" />);
    expect(document.querySelector("[data-rtvi-visualizer]")).toHaveAttribute("data-bands", "mel");
    runFrames(1);
    const rest = Math.max(...lastFrame());
    act(() => session().levels.bot.push(0.8));
    runFrames(20);
    const h = lastFrame();
    expect(Math.max(...h)).toBeGreaterThan(rest);
    // The single-level spread: weighted towards the centre bar.
    expect(h[2]).toBeGreaterThan(h[0] as number);
    expect(h[2]).toBeGreaterThan(h[4] as number);
  });

  it("the orb draws a closed curve with one segment per band", () => {
    mount(<VoiceVisualizer variant="orb" barCount={12} bandLevels={() => [0.5]} />);
    runFrames(1);
    expect(document.querySelector("[data-rtvi-visualizer]")).toHaveAttribute("data-variant", "orb");
    expect(curves).toBe(12);
  });
});
