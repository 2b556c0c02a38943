import { PipecatClient, RTVIEvent, RTVIMessage, type PipecatClientOptions } from "@pipecat-ai/client-js";
import { act, render } from "@testing-library/react";
import { useContext } from "react";
import { describe, expect, it } from "vitest";
import { RTVIClientProvider, agentStateOf, type Session, type SessionState } from "../../src";
import { RTVIContext } from "../../src/provider/context";
import { ScriptedTransport, type ScriptMessage } from "../../src/testing";
import { scriptedClient } from "../support/session";

const msg = (type: string, data?: unknown): ScriptMessage => ({ label: "rtvi-ai", type, data });
const READY = { events: [{ at: 0, message: msg("bot-ready", { version: "2.1.0" }) }] };

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

function SessionProbe({ onSession }: { onSession: (s: Session) => void }) {
  const ctx = useContext(RTVIContext);
  if (ctx) onSession(ctx.session);
  return null;
}

/** Mounts a provider in its own root, so providers can come and go in any order. */
function mount(client: PipecatClient, props: { disconnectOnFatalError?: boolean } = {}) {
  let session: Session | null = null;
  const view = render(
    <RTVIClientProvider client={client} {...props}>
      <SessionProbe onSession={(s) => (session = s)} />
    </RTVIClientProvider>,
  );
  return { unmount: view.unmount, rerender: view.rerender, get state(): SessionState {
    return (session as unknown as Session).store.getState();
  } };
}

const handlerOf = (t: ScriptedTransport) => (t as unknown as { _onMessage: unknown })._onMessage;

describe("one message tap per client", () => {
  it("one client, three providers mounted and unmounted in every order: each message reaches each live provider exactly once", async () => {
    const { client, transport } = scriptedClient(READY);
    await client.connect();
    const original = handlerOf(transport);
    let clientSaw = 0;
    client.on(RTVIEvent.ServerMessage, () => clientSaw++);
    let sent = 0;
    const send = () => {
      sent++;
      act(() => transport.inject(msg("server-message", { n: sent })));
    };
    for (const mountOrder of permutations([0, 1, 2])) {
      for (const unmountOrder of permutations([0, 1, 2])) {
        const providers: Array<ReturnType<typeof mount> | null> = [null, null, null];
        const expected = [0, 0, 0];
        const base: number[] = [];
        const bump = (j: number) => (expected[j] = (expected[j] ?? 0) + 1);
        const check = () => {
          providers.forEach((p, i) => {
            if (p) expect({ mountOrder, unmountOrder, provider: i, got: p.state.serverMessages - (base[i] ?? 0) }).toEqual({ mountOrder, unmountOrder, provider: i, got: expected[i] });
          });
        };
        for (const i of mountOrder) {
          const p = mount(client);
          providers[i] = p;
          base[i] = p.state.serverMessages;
          send();
          providers.forEach((q, j) => q && bump(j));
          check();
        }
        const dead: Array<ReturnType<typeof mount>> = [];
        for (const i of unmountOrder) {
          const p = providers[i] as ReturnType<typeof mount>;
          p.unmount();
          dead.push(p);
          const before = dead.map((d) => d.state.serverMessages);
          send();
          providers.forEach((q, j) => q && !dead.includes(q) && bump(j));
          check();
          // A provider that is gone gets nothing more.
          expect(dead.map((d) => d.state.serverMessages)).toEqual(before);
        }
        expect(handlerOf(transport)).toBe(original);
      }
    }
    // client-js itself handled every message exactly once, however many taps came and went.
    expect(clientSaw).toBe(sent);
    await client.disconnect();
  });

  it("leaves a later wrapper of the message path working when it unbinds under it", async () => {
    const { client, transport } = scriptedClient(READY);
    await client.connect();
    const a = mount(client);
    const t = transport as unknown as { _onMessage: (ev: RTVIMessage) => void };
    const below = t._onMessage;
    let wrapped = 0;
    t._onMessage = (ev) => {
      wrapped++;
      below.call(transport, ev);
    };
    a.unmount();
    const b = mount(client);
    act(() => transport.inject(msg("server-message", {})));
    expect(wrapped).toBe(1);
    expect(b.state.serverMessages).toBe(1);
    b.unmount();
    await client.disconnect();
  });
});

describe("every bot error reaches the store exactly once", () => {
  it("error, error-response and a client-side error: one entry each in useRTVIError and the transcript", async () => {
    const { client, transport } = scriptedClient(READY);
    const p = mount(client);
    await act(() => client.connect());
    act(() => {
      transport.inject({ ...msg("error-response", { error: "Unknown action 'x'", fatal: false }), id: "req-1" });
      transport.inject(msg("error", { error: "TTS quota at 90%", fatal: false }));
      // What a transport raises itself goes through client-js's error callback only.
      (client as unknown as { _options: PipecatClientOptions })._options.callbacks?.onError?.(RTVIMessage.error("Network blip", false));
    });
    const texts = ["Unknown action 'x'", "TTS quota at 90%", "Network blip"];
    expect(p.state.errors.map((e) => e.message)).toEqual(texts);
    expect(p.state.transcript.turns.filter((t) => t.role === "system").map((t) => ("text" in t ? t.text : ""))).toEqual(texts);
    p.unmount();
    await client.disconnect();
  });
});

describe("disconnectOnFatalError", () => {
  const fatal = () => msg("error", { error: "LLM service unavailable", fatal: true });

  it("true (the default): a fatal bot error ends the call and shows the error", async () => {
    const { client, transport } = scriptedClient(READY);
    const p = mount(client);
    await act(() => client.connect());
    await act(async () => transport.inject(fatal()));
    await act(() => expect.poll(() => client.state).toBe("disconnected"));
    expect(p.state.lastError).toMatchObject({ message: "LLM service unavailable", fatal: true });
    expect(agentStateOf(p.state)).toBe("error");
    p.unmount();
  });

  it("false: the call stays up and the error is shown", async () => {
    const { client, transport } = scriptedClient(READY);
    const p = mount(client, { disconnectOnFatalError: false });
    await act(() => client.connect());
    let disconnects = 0;
    client.on(RTVIEvent.Disconnected, () => disconnects++);
    await act(async () => transport.inject(fatal()));
    act(() => transport.inject(msg("server-message", { after: true })));
    expect(client.state).toBe("ready");
    expect(disconnects).toBe(0);
    expect(p.state.lastError).toMatchObject({ message: "LLM service unavailable", fatal: true });
    expect(p.state.errors).toHaveLength(1);
    expect(p.state.serverMessages).toBe(1);
    p.unmount();
    await client.disconnect();
  });
});

/** A transport whose message path is a read-only accessor: the kit cannot patch it. */
class SealedTransport extends ScriptedTransport {
  override initialize(options: PipecatClientOptions, handler: (ev: RTVIMessage) => void): void {
    super.initialize(options, handler);
    Object.defineProperty(this, "_onMessage", { get: () => handler, configurable: true });
  }
}

describe("the fallback route (no patchable message path)", () => {
  const speaking = [msg("bot-started-speaking"), msg("bot-tts-text", { text: "Once upon" }), msg("bot-interrupted"), msg("bot-stopped-speaking")];

  it("keeps transcript, errors, bot mute, search sources and user-llm-text; loses bot-interrupted; says so in messageRoute", async () => {
    const transport = new SealedTransport(READY, { speed: Infinity });
    const client = new PipecatClient({ transport });
    const p = mount(client);
    await act(() => client.connect());
    expect(p.state.messageRoute).toBe("events");
    act(() => {
      for (const m of [
        msg("user-transcription", { text: "Tell me a story", final: true }),
        msg("user-llm-text", { text: "Tell me a story" }),
        ...speaking,
        msg("bot-llm-search-response", { origins: [{ site_uri: "https://example.org/fox", site_title: "Foxes" }] }),
        msg("user-mute-started"),
        { ...msg("error-response", { error: "Bad request", fatal: false }), id: "r" },
        msg("error", { error: "Slow TTS", fatal: false }),
      ])
        transport.inject(m);
    });
    const [user, bot] = p.state.transcript.turns;
    expect(user).toMatchObject({ role: "user", text: "Tell me a story", llmText: "Tell me a story" });
    // Without the message path the bot's own interruption is invisible: the turn reads as complete.
    expect(bot).toMatchObject({ role: "assistant", text: "Once upon", interrupted: false, search: { sources: [{ uri: "https://example.org/fox", title: "Foxes" }] } });
    expect(p.state.micMutedByBot).toBe(true);
    expect(p.state.errors.map((e) => e.message)).toEqual(["Bad request", "Slow TTS"]);
    p.unmount();
    await client.disconnect();
  });

  it("the transport route marks the same turn interrupted", async () => {
    const { client, transport } = scriptedClient(READY);
    const p = mount(client);
    await act(() => client.connect());
    expect(p.state.messageRoute).toBe("transport");
    act(() => {
      for (const m of speaking) transport.inject(m);
    });
    expect(p.state.transcript.turns[0]).toMatchObject({ role: "assistant", interrupted: true });
    p.unmount();
    await client.disconnect();
  });

  it("cannot keep the call up after a fatal error: client-js ends it, and the UI shows the error and state error", async () => {
    const transport = new SealedTransport(READY, { speed: Infinity });
    const client = new PipecatClient({ transport });
    const p = mount(client, { disconnectOnFatalError: false });
    await act(() => client.connect());
    await act(async () => transport.inject(msg("error", { error: "Model gone", fatal: true })));
    await act(() => expect.poll(() => client.state).toBe("disconnected"));
    expect(p.state.errors).toHaveLength(1);
    expect(p.state.lastError).toMatchObject({ message: "Model gone", fatal: true });
    expect(agentStateOf(p.state)).toBe("error");
    p.unmount();
  });
});
