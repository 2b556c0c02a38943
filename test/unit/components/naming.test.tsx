import { act, render, renderHook, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { RTVIClientProvider, VoiceVisualizer, agentStateOf, createSession, useBotVolume, type SessionState } from "../../../src";
import type { RTVIContextValue } from "../../../src/provider/context";
import { renderWithClient, scriptedClient } from "../../support/session";
import { ContextProbe, READY } from "./helpers";

describe("the bot's volume lives in the provider's store", () => {
  it("is a store field set by the bot-volume action, clamped, non-finite values ignored", () => {
    const session = createSession();
    expect(session.store.getState().botVolume).toBe(1);
    session.dispatch({ type: "bot-volume", volume: 0.25 });
    expect(session.store.getState().botVolume).toBe(0.25);
    session.dispatch({ type: "bot-volume", volume: 7 });
    expect(session.store.getState().botVolume).toBe(1);
    session.dispatch({ type: "bot-volume", volume: Number.NaN });
    expect(session.store.getState().botVolume).toBe(1);
    const before = session.store.getState();
    session.dispatch({ type: "bot-volume", volume: 1 });
    expect(session.store.getState()).toBe(before);
  });

  it("useBotVolume reads and writes it; two providers never share it", () => {
    const a = scriptedClient(READY).client;
    const b = scriptedClient(READY).client;
    const sessions: RTVIContextValue[] = [];
    const wrap = (client: typeof a) =>
      function Wrapper({ children }: { children: ReactNode }) {
        return (
          <RTVIClientProvider client={client}>
            <ContextProbe onContext={(c) => void (sessions.includes(c) || sessions.push(c))} />
            {children}
          </RTVIClientProvider>
        );
      };
    const first = renderHook(() => useBotVolume(), { wrapper: wrap(a) });
    const second = renderHook(() => useBotVolume(), { wrapper: wrap(b) });
    act(() => first.result.current.setVolume(0.3));
    expect(first.result.current.volume).toBe(0.3);
    expect(second.result.current.volume).toBe(1);
    expect(sessions[0]?.session.store.getState().botVolume).toBe(0.3);
    // Set through the store directly, the hook follows.
    act(() => sessions[1]?.session.dispatch({ type: "bot-volume", volume: 0.6 }));
    expect(second.result.current.volume).toBe(0.6);
  });
});

describe("AgentState reconnecting", () => {
  it("is its own state while the call is up and the bot reconnects its model", () => {
    const base = createSession().store.getState();
    const up: SessionState = { ...base, transportState: "ready" };
    expect(agentStateOf(up)).toBe("listening");
    expect(agentStateOf({ ...up, reconnecting: true })).toBe("reconnecting");
    expect(agentStateOf({ ...base, transportState: "connecting", reconnecting: true })).toBe("connecting");
  });
});

describe("VoiceVisualizer participant", () => {
  it('"user" is the mic; the deprecated "local" still works and keeps its data attribute', () => {
    const { client } = scriptedClient(READY);
    renderWithClient(
      client,
      <>
        <VoiceVisualizer participant="user" levels={0.5} labels={{ disconnected: "mic" }} />
        <VoiceVisualizer participant="local" levels={0.5} labels={{ disconnected: "old" }} />
      </>,
    );
    expect(screen.getByRole("img", { name: "mic" })).toHaveAttribute("data-participant", "user");
    expect(screen.getByRole("img", { name: "old" })).toHaveAttribute("data-participant", "local");
  });

  it("names the reconnecting state through labels", () => {
    const { client } = scriptedClient(READY);
    let ctx: RTVIContextValue | null = null;
    render(
      <RTVIClientProvider client={client}>
        <ContextProbe onContext={(c) => (ctx = c)} />
        <VoiceVisualizer levels={0} labels={{ reconnecting: "重新连接中" }} />
      </RTVIClientProvider>,
    );
    const store = (ctx as unknown as RTVIContextValue).session.store;
    act(() => store.setState({ ...store.getState(), transportState: "ready", reconnecting: true }, true));
    expect(screen.getByRole("img", { name: "重新连接中" })).toHaveAttribute("data-state", "reconnecting");
  });
});
