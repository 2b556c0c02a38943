import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RTVIClientProvider, agentStateOf, useConnection, useConversation, useDevices, useSessionState, type SessionState } from "../../src";
import type { ScriptMessage } from "../../src/testing";
import { scriptedClient } from "../support/session";

const msg = (type: string, data?: unknown): ScriptMessage => ({ label: "rtvi-ai", type, data });
const READY = { events: [{ at: 0, message: msg("bot-ready", { version: "2.1.0" }) }] };

let state: SessionState;
let connection: ReturnType<typeof useConnection>;
function Probe() {
  state = useSessionState((s) => s);
  connection = useConnection();
  const { turns } = useConversation();
  return <p data-testid="turns">{turns.length}</p>;
}

describe("provider lifecycle", () => {
  it("changing disconnectOnFatalError on a live call neither disconnects nor rebinds, and the new value applies", async () => {
    const { client, transport } = scriptedClient(READY);
    const disconnect = vi.spyOn(client, "disconnect");
    const ui = (keep: boolean) => (
      <RTVIClientProvider client={client} disconnectOnUnmount disconnectOnFatalError={!keep}>
        <Probe />
      </RTVIClientProvider>
    );
    const view = render(ui(false));
    await act(() => client.connect());
    const handler = (transport as unknown as { _onMessage: unknown })._onMessage;
    view.rerender(ui(true));
    await act(async () => undefined);
    expect(disconnect).not.toHaveBeenCalled();
    expect(client.state).toBe("ready");
    expect((transport as unknown as { _onMessage: unknown })._onMessage).toBe(handler);
    await act(async () => transport.inject(msg("error", { error: "boom", fatal: true })));
    expect(client.state).toBe("ready");
    expect(state.lastError?.fatal).toBe(true);
    view.unmount();
    await act(async () => undefined);
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it("StrictMode's simulated unmount does not end a call that was up before the provider mounted", async () => {
    const { StrictMode } = await import("react");
    const { client } = scriptedClient(READY);
    await client.connect();
    const disconnect = vi.spyOn(client, "disconnect");
    const view = render(
      <StrictMode>
        <RTVIClientProvider client={client} disconnectOnUnmount>
          <Probe />
        </RTVIClientProvider>
      </StrictMode>,
    );
    await act(async () => undefined);
    expect(disconnect).not.toHaveBeenCalled();
    view.unmount();
    await act(async () => undefined);
    expect(disconnect).toHaveBeenCalledTimes(1);
  });

  it("honours maxTurns changes after mount", async () => {
    const { client, transport } = scriptedClient(READY);
    const ui = (maxTurns?: number) => (
      <RTVIClientProvider client={client} maxTurns={maxTurns}>
        <Probe />
      </RTVIClientProvider>
    );
    const view = render(ui());
    await act(() => client.connect());
    act(() => {
      for (const text of ["one", "two", "three", "four"]) {
        transport.inject(msg("user-transcription", { text, final: true }));
        transport.inject(msg("bot-llm-text", { text: `re ${text}` }));
        transport.inject(msg("bot-stopped-speaking"));
      }
    });
    expect(screen.getByTestId("turns").textContent).toBe("8");
    view.rerender(ui(3));
    expect(screen.getByTestId("turns").textContent).toBe("3");
    expect(state.transcript.maxTurns).toBe(3);
    act(() => transport.inject(msg("user-transcription", { text: "five", final: true })));
    expect(state.transcript.turns.map((t) => ("text" in t ? t.text : ""))).toEqual(["four", "re four", "five"]);
    await client.disconnect();
  });
});

describe("devices", () => {
  const realMedia = Object.getOwnPropertyDescriptor(globalThis.navigator, "mediaDevices");
  afterEach(() => {
    if (realMedia) Object.defineProperty(globalThis.navigator, "mediaDevices", realMedia);
    else delete (globalThis.navigator as { mediaDevices?: unknown }).mediaDevices;
  });

  it("three useDevices in one provider add one devicechange listener, and a change lists devices again", async () => {
    const media = new EventTarget();
    const add = vi.spyOn(media, "addEventListener");
    const remove = vi.spyOn(media, "removeEventListener");
    Object.defineProperty(globalThis.navigator, "mediaDevices", { value: media, configurable: true });
    const { client } = scriptedClient(READY);
    await client.connect();
    function Devices() {
      useDevices();
      return null;
    }
    const view = render(
      <RTVIClientProvider client={client}>
        <Devices />
        <Devices />
        <Devices />
      </RTVIClientProvider>,
    );
    await act(async () => undefined);
    const changes = () => add.mock.calls.filter(([type]) => type === "devicechange").length;
    expect(changes()).toBe(1);
    const list = vi.spyOn(client, "getAllMics");
    await act(async () => media.dispatchEvent(new Event("devicechange")));
    expect(list).toHaveBeenCalledTimes(1);
    view.unmount();
    expect(remove.mock.calls.filter(([type]) => type === "devicechange")).toHaveLength(1);
    await client.disconnect();
  });
});

describe("the bot reconnecting to its model (server-message session-reconnecting / session-resumed)", () => {
  const reconnecting = msg("server-message", { type: "session-reconnecting", reason: "goAway" });

  async function live() {
    const { client, transport } = scriptedClient(READY);
    render(
      <RTVIClientProvider client={client} disconnectOnFatalError={false}>
        <Probe />
      </RTVIClientProvider>,
    );
    await act(() => client.connect());
    return { client, transport };
  }

  it("is a short reconnecting state, not an error, cleared when the session resumes", async () => {
    const { client, transport } = await live();
    act(() => transport.inject(reconnecting));
    expect(connection.reconnecting).toBe(true);
    expect(connection.reconnectReason).toBe("goAway");
    expect(connection.connected).toBe(true);
    expect(agentStateOf(state)).toBe("reconnecting");
    expect(state.errors).toEqual([]);
    expect(state.transcript.turns).toEqual([]);
    act(() => transport.inject(msg("server-message", { type: "session-resumed" })));
    expect(connection.reconnecting).toBe(false);
    expect(connection.reconnectReason).toBeNull();
    expect(agentStateOf(state)).toBe("listening");
    await client.disconnect();
  });

  it("is cleared by a disconnect", async () => {
    const { client, transport } = await live();
    act(() => transport.inject(reconnecting));
    await act(() => client.disconnect());
    expect(connection.reconnecting).toBe(false);
  });

  it("is cleared by a fatal error", async () => {
    const { client, transport } = await live();
    act(() => transport.inject(reconnecting));
    act(() => transport.inject(msg("error", { error: "Resumption failed", fatal: true })));
    expect(connection.reconnecting).toBe(false);
    expect(state.lastError).toMatchObject({ message: "Resumption failed", fatal: true });
    await client.disconnect();
  });
});

describe("the bot muting the user (user-mute-started / user-mute-stopped)", () => {
  it("is kept in the store until unmuted or the session ends", async () => {
    const { client, transport } = scriptedClient(READY);
    render(
      <RTVIClientProvider client={client}>
        <Probe />
      </RTVIClientProvider>,
    );
    await act(() => client.connect());
    act(() => transport.inject(msg("user-mute-started")));
    expect(state.micMutedByBot).toBe(true);
    act(() => transport.inject(msg("user-mute-stopped")));
    expect(state.micMutedByBot).toBe(false);
    act(() => transport.inject(msg("user-mute-started")));
    await act(() => client.disconnect());
    expect(state.micMutedByBot).toBe(false);
  });
});
