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
import { ConnectButton as TheirConnectButtonKit, Conversation, UserAudioControl } from "@pipecat-ai/voice-ui-kit";
import { createStore } from "jotai/vanilla";
import { useState, type CSSProperties, type ReactNode } from "react";
import { ConnectButton, MicToggle, RTVIClientProvider, TranscriptPanel, VoiceVisualizer, useConversation } from "../../src";
import { FloorRows, FloorText, floorTurns } from "./floors";

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

/** Ours, two visualizers with frequency bands from the tracks' analysers (part d, issue 18): 24 mel bands, bars or the orb. */
export function OursBandVisualizers({ client, variant }: { client: PipecatClient; variant: "bars" | "orb" }): ReactNode {
  return (
    <RTVIClientProvider client={client}>
      <VoiceVisualizer participant="local" bands="mel" barCount={24} variant={variant} />
      <VoiceVisualizer participant="bot" bands="mel" barCount={24} variant={variant} />
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

/**
 * A hand-written mic meter: `useRTVIClientEvent(LocalAudioLevel)` into useState, one commit per
 * level event. Not what client-react's docs suggest (they show no level hook; levels are drawn by
 * VoiceVisualizer from the track): part a's baseline for "levels through React state".
 */
function StateMicButton(): ReactNode {
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

/**
 * Theirs, the same screen as its docs build it: voice-ui-kit's ConnectButton and UserAudioControl
 * (the mic button with its own track-analysing visualizer), client-react's VoiceVisualizer for mic
 * and bot, and a plain list over usePipecatConversation.
 */
export function TheirsFull({ client }: { client: PipecatClient }): ReactNode {
  return (
    <TheirProvider client={client}>
      <div className="vkui-root">
        <TheirConnectButtonKit />
        <UserAudioControl noDevicePicker />
      </div>
      <TheirVisualizerPair />
      <TheirTranscriptList />
    </TheirProvider>
  );
}

/** Part a's baseline: client-react with a plain connect button and the useState mic meter. */
export function BaselineFull({ client }: { client: PipecatClient }): ReactNode {
  return (
    <TheirProvider client={client}>
      <TheirConnectButton />
      <StateMicButton />
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

/** Part b, ours with windowing off: every turn rendered, as the anchors and the row floor do. */
export function OursTranscriptAll({ client }: { client: PipecatClient }): ReactNode {
  return (
    <RTVIClientProvider client={client}>
      <TranscriptPanel style={PANEL} windowSize={Infinity} />
      <Count hook={useOurTurns} />
    </RTVIClientProvider>
  );
}

const useFloorTurns = (): number => floorTurns.value;

/** Part b's floors, counted like the others. */
export function FloorRowsTranscript({ client }: { client: PipecatClient }): ReactNode {
  return (
    <>
      <FloorRows client={client} />
      <Count hook={useFloorTurns} />
    </>
  );
}
export function FloorTextTranscript({ client }: { client: PipecatClient }): ReactNode {
  return (
    <>
      <FloorText client={client} />
      <Count hook={useFloorTurns} />
    </>
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
