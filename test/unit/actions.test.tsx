import { act, render, screen, waitFor } from "@testing-library/react";
import { useEffect } from "react";
import { describe, expect, it } from "vitest";
import { RTVIActionError, RTVIClientProvider, agentStateOf, useConnection, useConversation, useRTVIError, useRTVIClient, useSendText, useSessionState, useTransportState, type SessionState } from "../../src";
import { scriptedClient } from "../support/session";

type Api = { state: SessionState; connection: ReturnType<typeof useConnection>; send: ReturnType<typeof useSendText>; error: ReturnType<typeof useRTVIError>; turns: ReturnType<typeof useConversation>["turns"] };
let api: Api;
function Probe() {
  api = { state: useSessionState((s) => s), connection: useConnection(), send: useSendText(), error: useRTVIError(), turns: useConversation().turns };
  return <p data-testid="err">{api.error.error?.message ?? ""}</p>;
}
const ready = { events: [{ at: 0, message: { label: "rtvi-ai", type: "bot-ready", data: { version: "2.1.0" } } }] };

describe("actions reject with RTVIActionError and the store records the error once", () => {
  it("a failed connect", async () => {
    const { client } = scriptedClient(ready, { speed: Infinity, failConnect: "Server unreachable" });
    render(
      <RTVIClientProvider client={client}>
        <Probe />
      </RTVIClientProvider>,
    );
    let caught: unknown;
    await act(async () => {
      await api.connection.connect().catch((e: unknown) => (caught = e));
    });
    expect(caught).toBeInstanceOf(RTVIActionError);
    expect((caught as RTVIActionError).action).toBe("connect");
    expect(api.error.errors).toHaveLength(1);
    expect(api.error.fatal).toBe(true);
    expect(screen.getByTestId("err").textContent).toBe("Server unreachable");
    expect(api.turns.filter((t) => t.role === "system")).toHaveLength(1);
    expect(agentStateOf(api.state)).toBe("error");
    act(() => api.error.clear());
    expect(agentStateOf(api.state)).toBe("disconnected");
    expect(screen.getByTestId("err").textContent).toBe("");
  });

  it("sendText before connecting", async () => {
    const { client } = scriptedClient(ready);
    render(
      <RTVIClientProvider client={client}>
        <Probe />
      </RTVIClientProvider>,
    );
    await act(async () => {
      await expect(api.send("hello")).rejects.toMatchObject({ name: "RTVIActionError", action: "sendText" });
    });
    expect(api.error.error?.message).toMatch(/Connect to the bot/);
    expect(api.turns.filter((t) => t.role === "user")).toHaveLength(0);
  });

  it("connect called twice at once starts one handshake; typed text shows at once", async () => {
    const { client, transport } = scriptedClient(ready);
    render(
      <RTVIClientProvider client={client}>
        <Probe />
      </RTVIClientProvider>,
    );
    await act(async () => {
      await Promise.all([api.connection.connect(), api.connection.connect()]);
    });
    expect(api.connection.connected).toBe(true);
    expect(transport.sent.filter((m) => m.type === "client-ready")).toHaveLength(1);
    await act(async () => {
      await api.send("hello there");
    });
    expect(api.turns.at(-1)).toMatchObject({ role: "user", text: "hello there", source: "typed", final: true });
    await act(async () => api.connection.disconnect());
    expect(api.connection.state).toBe("disconnected");
  });
});

describe("a child that connects in its mount effect, before the provider binds", () => {
  it("still gets the devices and the transport state", async () => {
    const { client } = scriptedClient(ready);
    function EarlyConnect() {
      const c = useRTVIClient();
      useEffect(() => {
        void c?.connect();
      }, [c]);
      const mic = useSessionState((s) => s.selectedMic);
      const mics = useSessionState((s) => s.mics.length);
      const state = useTransportState();
      return <p data-testid="dev">{`${state}|${mic}|${mics}`}</p>;
    }
    render(
      <RTVIClientProvider client={client}>
        <EarlyConnect />
      </RTVIClientProvider>,
    );
    await waitFor(() => expect(screen.getByTestId("dev").textContent).toBe("ready|scripted-mic|2"));
    await client.disconnect();
  });
});
