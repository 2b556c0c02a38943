import { act, render, screen } from "@testing-library/react";
import { Profiler, useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RTVIClientProvider, SessionTimer, formatDuration, useSessionTimer } from "../../../src";
import type { RTVIContextValue } from "../../../src/provider/context";
import { scriptedClient } from "../../support/session";
import { ContextProbe, READY } from "./helpers";

// The session is driven by dispatching transport states: no client connect, so fake timers
// own every clock (Date included) from the start.
function setup(ui: React.ReactNode) {
  let ctx: RTVIContextValue | null = null;
  const { client } = scriptedClient(READY);
  const view = render(
    <RTVIClientProvider client={client}>
      <ContextProbe onContext={(c) => (ctx = c)} />
      {ui}
    </RTVIClientProvider>,
  );
  const session = () => (ctx as unknown as RTVIContextValue).session;
  const state = (s: "connecting" | "ready" | "disconnected") => act(() => session().dispatch({ type: "transport-state", state: s }));
  const advance = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
  return { ...view, session, state, advance };
}

const text = () => screen.getByRole("timer").textContent;
const root = () => screen.getByRole("timer").closest("[data-rtvi-session-timer]");

describe("SessionTimer", () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => void vi.useRealTimers());

  it("counts the call from connected; only the timer re-renders, once per second, a sibling never", () => {
    let timerCommits = 0;
    let siblingCommits = 0;
    const { state, advance } = setup(
      <>
        <Profiler id="timer" onRender={() => void timerCommits++}>
          <SessionTimer />
        </Profiler>
        <Profiler id="sibling" onRender={() => void siblingCommits++}>
          <span>sibling</span>
        </Profiler>
      </>,
    );
    expect(text()).toBe("0:00");
    expect(root()).toHaveAttribute("data-state", "idle");
    state("connecting");
    state("ready");
    const siblingBase = siblingCommits;
    const base = timerCommits;
    for (let i = 0; i < 5; i++) advance(1_000);
    expect(text()).toBe("0:05");
    expect(root()).toHaveAttribute("data-state", "running");
    expect(timerCommits - base).toBe(5);
    expect(siblingCommits).toBe(siblingBase);
    advance(3_600_000);
    expect(text()).toBe("1:00:05");
  });

  it("survives the bot's reconnects", () => {
    const { state, advance, session } = setup(<SessionTimer />);
    state("ready");
    advance(10_000);
    act(() => session().dispatch({ type: "message", message: { label: "rtvi-ai", type: "server-message", data: { type: "session-reconnecting" } } }));
    advance(2_000);
    act(() => session().dispatch({ type: "message", message: { label: "rtvi-ai", type: "server-message", data: { type: "session-resumed" } } }));
    advance(1_000);
    expect(text()).toBe("0:13");
    expect(root()).toHaveAttribute("data-state", "running");
  });

  it("a remounted timer keeps the call's count; it stops at the call's end", () => {
    function Toggle({ show }: { show: boolean }) {
      return show ? <SessionTimer /> : null;
    }
    let show: (v: boolean) => void = () => undefined;
    function Host() {
      const [s, set] = useStateBox(true);
      show = set;
      return <Toggle show={s} />;
    }
    const { state, advance } = setup(<Host />);
    state("ready");
    advance(7_000);
    act(() => show(false));
    advance(4_000);
    act(() => show(true));
    expect(text()).toBe("0:11");
    state("disconnected");
    advance(5_000);
    expect(text()).toBe("0:11");
    expect(root()).toHaveAttribute("data-state", "ended");
  });

  it("warns before maxDurationSec, announces it once and calls onExpire once at the end", () => {
    const onExpire = vi.fn();
    const { state, advance } = setup(<SessionTimer maxDurationSec={90} warnBeforeSec={30} onExpire={onExpire} />);
    state("ready");
    advance(59_000);
    expect(text()).toBe("0:59 / 1:30");
    expect(root()).toHaveAttribute("data-state", "running");
    advance(1_000);
    expect(root()).toHaveAttribute("data-state", "warning");
    expect(screen.getByRole("status")).toHaveTextContent("Less than 0:30 left");
    advance(30_000);
    expect(root()).toHaveAttribute("data-state", "expired");
    expect(screen.getByRole("status")).toHaveTextContent("Time is up");
    advance(5_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it("the hook gives remaining seconds; formatDuration pads", () => {
    let seen: ReturnType<typeof useSessionTimer> | null = null;
    function Probe() {
      seen = useSessionTimer({ maxDurationSec: 300 });
      return null;
    }
    const { state, advance } = setup(<Probe />);
    state("ready");
    advance(61_500);
    expect(seen).toMatchObject({ elapsedSec: 61, remainingSec: 239, state: "running", maxDurationSec: 300 });
    expect(formatDuration(3599)).toBe("59:59");
    expect(formatDuration(3600)).toBe("1:00:00");
  });
});

function useStateBox<T>(initial: T): [T, (v: T) => void] {
  return useState(initial);
}
