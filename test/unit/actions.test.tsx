import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RTVIActionError, RTVIClientProvider, useConnection, useConversation, useRTVIError, useSendText } from "../../src";
import { scriptedClient } from "../support/session";

type Api = { connection: ReturnType<typeof useConnection>; send: ReturnType<typeof useSendText>; error: ReturnType<typeof useRTVIError>; turns: ReturnType<typeof useConversation>["turns"] };
let api: Api;
function Probe() {
  api = { connection: useConnection(), send: useSendText(), error: useRTVIError(), turns: useConversation().turns };
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
    act(() => api.error.clear());
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
