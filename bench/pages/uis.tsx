// The screens compared: our kit, and the same screen built the way client-react users build it.
import type { PipecatClient } from "@pipecat-ai/client-js";
import { RTVIEvent } from "@pipecat-ai/client-js";
import {
  PipecatClientProvider,
  VoiceVisualizer as TheirVisualizer,
  usePipecatClient,
  usePipecatClientTransportState,
  usePipecatConversation,
  useRTVIClientEvent,
  type ConversationMessage,
} from "@pipecat-ai/client-react";
import { Conversation } from "@pipecat-ai/voice-ui-kit";
import { createStore } from "jotai/vanilla";
import { useState, type CSSProperties, type ReactNode } from "react";
import { ConnectButton, MicToggle, RTVIClientProvider, TranscriptPanel, VoiceVisualizer, useConversation } from "../../src";

// Same box for every visualizer, the kit's default size.
const VIS_BOX: CSSProperties = { width: 120, height: 48, display: "inline-block" };
const PANEL: CSSProperties = { height: 400, width: 600 };

/** Ours, the whole screen: connect, mic toggle (with its level meter), two visualizers, transcript. */
export function OursFull({ client }: { client: PipecatClient }): ReactNode {
  return (
    <RTVIClientProvider client={client}>
      <ConnectButton />
      <MicToggle />
      <VoiceVisualizer participant="local" />
      <VoiceVisualizer participant="bot" />
      <TranscriptPanel style={PANEL} />
    </RTVIClientProvider>
  );
}

/** Ours, two visualizers only (part d). */
export function OursVisualizers({ client }: { client: PipecatClient }): ReactNode {
  return (
    <RTVIClientProvider client={client}>
      <VoiceVisualizer participant="local" />
      <VoiceVisualizer participant="bot" />
    </RTVIClientProvider>
  );
}

// client-react keeps state in a module-level jotai store unless given one: a fresh store per
// mount, so one round never sees the previous round's conversation.
function TheirProvider({ client, children }: { client: PipecatClient; children: ReactNode }): ReactNode {
  const [store] = useState(createStore);
  return (
    <PipecatClientProvider client={client} jotaiStore={store}>
      {children}
    </PipecatClientProvider>
  );
}

function TheirConnectButton(): ReactNode {
  const client = usePipecatClient();
  const state = usePipecatClientTransportState();
  const connected = state === "ready" || state === "connected";
  return <button onClick={() => void (connected ? client?.disconnect() : client?.connect())}>{connected ? "Disconnect" : "Connect"}</button>;
}

/** The mic button with a level meter, levels read as client-react's docs show: event → useState. */
function TheirMicButton(): ReactNode {
  const [level, setLevel] = useState(0);
  useRTVIClientEvent(RTVIEvent.LocalAudioLevel, (l: number) => setLevel(l));
  return <button style={{ "--mic-level": level } as CSSProperties}>Mute</button>;
}

function partText(p: ConversationMessage["parts"][number]): string {
  const t = p.text;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && "spoken" in t) return `${t.spoken}${t.unspoken}`;
  return "";
}

/** A plain transcript list over usePipecatConversation. */
function TheirTranscriptList(): ReactNode {
  const { messages } = usePipecatConversation();
  return (
    <ol style={PANEL}>
      {messages.map((m, i) => (
        <li key={`${m.createdAt}-${i}`}>
          {m.role}: {m.parts.map(partText).join(" ")}
        </li>
      ))}
    </ol>
  );
}

/** client-react's VoiceVisualizer for the mic and the bot, boxed like ours. */
function TheirVisualizerPair(): ReactNode {
  return (
    <>
      <div style={VIS_BOX}>
        <TheirVisualizer participantType="local" />
      </div>
      <div style={VIS_BOX}>
        <TheirVisualizer participantType="bot" />
      </div>
    </>
  );
}

/** Theirs, the same screen on client-react 1.8.2 (its VoiceVisualizer analyses the tracks). */
export function TheirsFull({ client }: { client: PipecatClient }): ReactNode {
  return (
    <TheirProvider client={client}>
      <TheirConnectButton />
      <TheirMicButton />
      <TheirVisualizerPair />
      <TheirTranscriptList />
    </TheirProvider>
  );
}

export function TheirsVisualizers({ client }: { client: PipecatClient }): ReactNode {
  return (
    <TheirProvider client={client}>
      <TheirVisualizerPair />
    </TheirProvider>
  );
}

/**
 * Turn counts, read through each side's own hook, so the bench can check the history it built.
 * Mounted only between measurements (`turnCount.show`): a second conversation subscriber would
 * double client-react's per-token work (its hook merges and filters every message per call).
 */
export const turnCount = { value: 0, show: (_on: boolean): void => undefined };
function Counter({ hook }: { hook: () => number }): null {
  turnCount.value = hook();
  return null;
}
const useOurTurns = (): number => useConversation().turns.length;
const useTheirTurns = (): number => usePipecatConversation().messages.length;
function Count({ hook }: { hook: () => number }): ReactNode {
  const [on, setOn] = useState(true);
  turnCount.show = setOn;
  return on ? <Counter hook={hook} /> : null;
}

/** Part b, ours: the TranscriptPanel with its defaults (200-turn window). */
export function OursTranscript({ client }: { client: PipecatClient }): ReactNode {
  return (
    <RTVIClientProvider client={client}>
      <TranscriptPanel style={PANEL} />
      <Count hook={useOurTurns} />
    </RTVIClientProvider>
  );
}

/** Part b, theirs: voice-ui-kit's Conversation (scoped Tailwind styles) on client-react. */
export function TheirsTranscript({ client }: { client: PipecatClient }): ReactNode {
  return (
    <TheirProvider client={client}>
      <div className="vkui-root" style={PANEL}>
        <Conversation noTextInput />
      </div>
      <Count hook={useTheirTurns} />
    </TheirProvider>
  );
}
