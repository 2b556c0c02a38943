// A page for the lifecycle leak test: the whole UI on ScriptedTransport with real audio
// tracks (oscillators), so analysers, AudioContexts, rAF loops and media elements all run.
import { PipecatClient } from "@pipecat-ai/client-js";
import { createRoot, type Root } from "react-dom/client";
import { BotAudio, ConnectButton, MicToggle, RTVIClientProvider, TranscriptPanel, VoiceVisualizer } from "../../src";
import { ScriptedTransport } from "../../src/testing";
import { frames, mountCycles, publish } from "./pageKit";
import { toneTracks } from "../support/toneTracks";

const msg = (type: string, data?: unknown) => ({ label: "rtvi-ai", type, data });
const script = {
  events: [
    { at: 0, message: msg("bot-ready", { version: "2.1.0" }) },
    { at: 5, message: msg("user-transcription", { text: "hello", final: true }) },
    { at: 10, message: msg("bot-started-speaking") },
    { at: 12, message: msg("bot-tts-text", { text: "Hi there." }) },
    { at: 20, message: msg("bot-stopped-speaking") },
  ],
};

// The page's own oscillators stand in for a microphone and the bot's audio (the bench's).
const tracks = toneTracks();
const clients: PipecatClient[] = [];

function newClient(): PipecatClient {
  const c = new PipecatClient({ transport: new ScriptedTransport(script, { speed: 50, tracks }) });
  clients.push(c);
  return c;
}

function Ui() {
  return (
    <>
      <VoiceVisualizer participant="bot" />
      <VoiceVisualizer participant="local" variant="circle" />
      <ConnectButton />
      <MicToggle />
      <TranscriptPanel />
      <BotAudio />
    </>
  );
}

const host = document.getElementById("root") as HTMLElement;
let root: Root | null = null;
const listeners = (c: PipecatClient) => {
  const e = c as unknown as { eventNames(): (string | symbol)[]; listenerCount(n: string | symbol): number };
  return e.eventNames().reduce((n, name) => n + e.listenerCount(name), 0);
};

const api = {
  /** Mount the UI around one long-lived client; returns its listener count before mounting. */
  async mountWith(): Promise<number> {
    const client = newClient();
    const before = listeners(client);
    root = createRoot(host);
    root.render(<RTVIClientProvider client={client}><Ui /></RTVIClientProvider>);
    await frames(3);
    return before;
  },
  async connectCycles(n: number): Promise<number> {
    const client = clients[clients.length - 1] as PipecatClient;
    for (let i = 0; i < n; i++) {
      await client.connect();
      await frames(2);
      await client.disconnect();
    }
    await frames(3);
    return listeners(client);
  },
  async unmount(): Promise<void> {
    root?.unmount();
    root = null;
    await frames(3);
  },
  /** Mount and unmount the whole UI with a created (owned) client, connected each time. */
  async mountCycles(n: number): Promise<number> {
    await mountCycles(host, n, Ui, newClient, () => frames(1));
    return clients.slice(1).reduce((sum, c) => sum + listeners(c), 0);
  },
};
publish(api);
