import { PipecatClient, RTVIEvent } from "@pipecat-ai/client-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ScriptedTransport } from "../../src/testing";

const msg = (type: string, data?: unknown) => ({ label: "rtvi-ai", type, data });
const script = {
  events: [
    { at: 0, message: msg("bot-ready", { version: "2.1.0" }) },
    { at: 1000, message: msg("bot-started-speaking") },
    { at: 2000, message: msg("bot-tts-text", { text: "hello" }) },
    { at: 2000, level: { source: "bot", value: 0.4 } },
    { at: 3000, message: msg("bot-stopped-speaking") },
  ],
};

function seen(client: PipecatClient): string[] {
  const out: string[] = [];
  client.on(RTVIEvent.BotStartedSpeaking, () => out.push("started"));
  client.on(RTVIEvent.BotTtsText, (d) => out.push(`tts:${d.text}`));
  client.on(RTVIEvent.RemoteAudioLevel, (l) => out.push(`level:${l}`));
  client.on(RTVIEvent.BotStoppedSpeaking, () => out.push("stopped"));
  return out;
}

afterEach(() => vi.useRealTimers());

describe("ScriptedTransport", () => {
  it("plays in real time under fake timers, with the handshake and transport states", async () => {
    vi.useFakeTimers();
    const transport = new ScriptedTransport(script, { speed: 1, connectDelayMs: 200 });
    const client = new PipecatClient({ transport });
    const states: string[] = [];
    client.on(RTVIEvent.TransportStateChanged, (s) => states.push(s));
    const events = seen(client);
    const connected = client.connect();
    await vi.advanceTimersByTimeAsync(200);
    await connected;
    expect(client.state).toBe("ready");
    expect(states).toEqual(["initializing", "initialized", "connecting", "connected", "ready"]);
    await vi.advanceTimersByTimeAsync(999);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(events).toEqual(["started"]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(events).toEqual(["started", "tts:hello", "level:0.4", "stopped"]);
    await transport.played;
    expect(transport.remaining).toBe(0);
  });

  it("speed 10 plays ten times faster", async () => {
    vi.useFakeTimers();
    const transport = new ScriptedTransport(script, { speed: 10 });
    const client = new PipecatClient({ transport });
    const events = seen(client);
    const c = client.connect();
    await vi.advanceTimersByTimeAsync(0);
    await c;
    await vi.advanceTimersByTimeAsync(100);
    expect(events).toEqual(["started"]);
    await vi.advanceTimersByTimeAsync(200);
    expect(events).toHaveLength(4);
  });

  it("pauses, steps one instant at a time and resumes", async () => {
    const transport = new ScriptedTransport(script, { speed: 1, paused: true });
    const client = new PipecatClient({ transport });
    const events = seen(client);
    await client.connect();
    expect(transport.paused).toBe(true);
    expect(transport.step()).toBe(true);
    expect(events).toEqual(["started"]);
    expect(transport.step()).toBe(true);
    expect(events).toEqual(["started", "tts:hello", "level:0.4"]);
    transport.setSpeed(Infinity);
    transport.resume();
    await transport.played;
    expect(events.at(-1)).toBe("stopped");
    expect(transport.step()).toBe(false);
  });

  it("changing speed before the script starts does not settle `played`", async () => {
    vi.useFakeTimers();
    const transport = new ScriptedTransport(script, { speed: 1 });
    transport.setSpeed(Infinity);
    let settled = false;
    void transport.played.then(() => (settled = true));
    // Every timer the transport could have set has run, and every promise job with it.
    await vi.runAllTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
    expect(settled).toBe(false);
    vi.useRealTimers();
    const client = new PipecatClient({ transport });
    const events = seen(client);
    await client.connect();
    await transport.played;
    expect(events.at(-1)).toBe("stopped");
  });

  it("answers typed text through its response hook", async () => {
    const transport = new ScriptedTransport(script, {
      speed: Infinity,
      onSendText: (text) => [{ at: 10, message: msg("bot-tts-text", { text: `You said ${text}` }) }],
    });
    const client = new PipecatClient({ transport });
    const events = seen(client);
    await client.connect();
    await transport.played;
    await client.sendText("hi");
    await transport.played;
    expect(events.at(-1)).toBe("tts:You said hi");
    expect(transport.sent.map((m) => m.type)).toEqual(["client-ready", "send-text"]);
  });

  it("fails connect like a dead server when asked", async () => {
    const transport = new ScriptedTransport(script, { failConnect: "Server unreachable" });
    const client = new PipecatClient({ transport });
    await expect(client.connect()).rejects.toThrow("Server unreachable");
    expect(client.state).not.toBe("ready");
  });

  it("drops messages not labelled rtvi-ai, as real transports do", async () => {
    const transport = new ScriptedTransport({ events: [{ at: 0, message: msg("bot-ready", {}) }, { at: 1, message: { label: "x", type: "bot-tts-text", data: { text: "no" } } }] }, { speed: Infinity });
    const client = new PipecatClient({ transport });
    const events = seen(client);
    await client.connect();
    await transport.played;
    expect(events).toEqual([]);
  });
});
