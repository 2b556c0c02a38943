import { PipecatClient } from "@pipecat-ai/client-js";
import { act, render, screen } from "@testing-library/react";
import { StrictMode, useEffect } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { RTVIClientProvider, useConnection, useConversation, useRTVIClient, useRTVIError, useTransportState } from "../../src";
import { ScriptedTransport } from "../../src/testing";
import { loadFixtures } from "../support/fixtures";
import { scriptedClient } from "../support/session";

const fixture = loadFixtures().find((f) => f.name === "gemini-live-turn");

function listenerCount(client: PipecatClient): number {
  const emitter = client as unknown as { eventNames(): (string | symbol)[]; listenerCount(e: string | symbol): number };
  return emitter.eventNames().reduce((n, e) => n + emitter.listenerCount(e), 0);
}

function State({ id }: { id: string }) {
  const state = useTransportState();
  const { turns } = useConversation();
  return <p data-testid={id}>{`${state}:${turns.length}`}</p>;
}

describe("RTVIClientProvider lifecycle", () => {
  it("reports ready when mounted after the client is already ready", async () => {
    const { client } = scriptedClient(fixture);
    await client.connect();
    expect(client.state).toBe("ready");
    render(
      <RTVIClientProvider client={client}>
        <State id="s" />
      </RTVIClientProvider>,
    );
    expect(screen.getByTestId("s").textContent).toBe("ready:0");
    await client.disconnect();
  });

  it("keeps two providers on one page isolated, even over one client", async () => {
    const { client, transport } = scriptedClient(fixture);
    const controls: Record<string, { clear(): void; dismiss(): void }> = {};
    function Side({ id }: { id: string }) {
      const { turns, clear } = useConversation();
      const error = useRTVIError();
      controls[id] = { clear, dismiss: error.clear };
      return <p data-testid={id}>{`${useTransportState()}:${turns.length}:${error.error?.message ?? "-"}`}</p>;
    }
    render(
      <>
        <RTVIClientProvider client={client}>
          <Side id="a" />
        </RTVIClientProvider>
        <RTVIClientProvider client={client}>
          <Side id="b" />
        </RTVIClientProvider>
      </>,
    );
    await act(async () => {
      await client.connect();
      await transport.played;
    });
    act(() => transport.inject({ label: "rtvi-ai", type: "error", data: { error: "slow", fatal: false } }));
    // Both hear the same client, each once...
    expect(screen.getByTestId("a").textContent).toBe("ready:3:slow");
    expect(screen.getByTestId("b").textContent).toBe("ready:3:slow");
    // ...and what one does to its own state leaves the other's alone.
    act(() => controls.a?.clear());
    act(() => controls.b?.dismiss());
    expect(screen.getByTestId("a").textContent).toBe("ready:0:slow");
    expect(screen.getByTestId("b").textContent).toBe("ready:3:-");
    await act(() => client.disconnect());
  });

  it("under StrictMode connects once and delivers each event once", async () => {
    const { client, transport } = scriptedClient(fixture);
    function AutoConnect() {
      const { connect } = useConnection();
      useEffect(() => {
        void connect();
      }, [connect]);
      return null;
    }
    render(
      <StrictMode>
        <RTVIClientProvider client={client}>
          <AutoConnect />
          <State id="s" />
        </RTVIClientProvider>
      </StrictMode>,
    );
    await act(async () => {
      await vi.waitFor(() => expect(client.state).toBe("ready"));
      await transport.played;
    });
    expect(transport.sent.filter((m) => m.type === "client-ready")).toHaveLength(1);
    expect(screen.getByTestId("s").textContent).toBe("ready:2");
    await client.disconnect();
  });

  it("leaves the client's listener count and message path as found after 200 mount/unmount cycles", () => {
    const { client, transport } = scriptedClient(fixture);
    const before = listenerCount(client);
    const handler = (transport as unknown as { _onMessage: unknown })._onMessage;
    for (let i = 0; i < 200; i++) {
      const { unmount } = render(
        <StrictMode>
          <RTVIClientProvider client={client}>
            <State id="s" />
          </RTVIClientProvider>
        </StrictMode>,
      );
      if (i === 0) expect(listenerCount(client)).toBeGreaterThan(before);
      unmount();
    }
    expect(listenerCount(client)).toBe(before);
    expect((transport as unknown as { _onMessage: unknown })._onMessage).toBe(handler);
  });

  it("creates the client lazily after mount and disconnects the one it created on unmount", async () => {
    const created: PipecatClient[] = [];
    const createClient = vi.fn(() => {
      const c = new PipecatClient({ transport: new ScriptedTransport(fixture, { speed: Infinity }) });
      vi.spyOn(c, "disconnect");
      created.push(c);
      return c;
    });
    const html = renderToString(
      <RTVIClientProvider createClient={createClient}>
        <State id="s" />
      </RTVIClientProvider>,
    );
    expect(html).toContain("disconnected:0");
    expect(createClient).not.toHaveBeenCalled();

    function ClientName() {
      return <p data-testid="c">{useRTVIClient() ? "client" : "none"}</p>;
    }
    const { unmount } = render(
      <RTVIClientProvider createClient={createClient}>
        <ClientName />
      </RTVIClientProvider>,
    );
    expect(await screen.findByText("client")).toBeInTheDocument();
    expect(createClient).toHaveBeenCalledTimes(1);
    unmount();
    expect(created[0]?.disconnect).toHaveBeenCalledTimes(1);
  });

  it("throws a helpful sentence when a hook is used outside the provider", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(() => render(<State id="x" />)).toThrow(/inside <RTVIClientProvider>/);
    spy.mockRestore();
  });
});
