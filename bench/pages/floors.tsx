// The floor of part b: the cheapest React code that shows the same stream. No store, no
// transcript engine, no scroll pinning: client-js events straight into useState.
import { RTVIEvent, type BotOutputData, type PipecatClient, type TranscriptData } from "@pipecat-ai/client-js";
import { memo, useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";

const PANEL: CSSProperties = { height: 400, width: 600, overflow: "auto" };

/** Turns each floor has seen (user lines + bot replies), read by the bench between measurements. */
export const floorTurns = { value: 0 };

const Row = memo(function Row({ text }: { text: string }): ReactNode {
  return <li>{text}</li>;
});

/** The reply being spoken: the only component a token re-renders. */
function LiveRow({ client }: { client: PipecatClient }): ReactNode {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const onStart = (): void => setText("Bot:");
    const onOutput = (d: BotOutputData): void => setText((t) => `${t ?? "Bot:"} ${d.text}`);
    const onStop = (): void => setText(null);
    client.on(RTVIEvent.BotStartedSpeaking, onStart);
    client.on(RTVIEvent.BotOutput, onOutput);
    client.on(RTVIEvent.BotStoppedSpeaking, onStop);
    return () => {
      client.off(RTVIEvent.BotStartedSpeaking, onStart);
      client.off(RTVIEvent.BotOutput, onOutput);
      client.off(RTVIEvent.BotStoppedSpeaking, onStop);
    };
  }, [client]);
  return text === null ? null : <li>{text}</li>;
}

/**
 * One plain row per turn, every row rendered: finished turns in a list that changes once per turn
 * (memoised rows), the reply being spoken in its own component. A token re-renders one <li> and
 * nothing else: the least React work that keeps N rows on screen.
 */
export function FloorRows({ client }: { client: PipecatClient }): ReactNode {
  const [done, setDone] = useState<readonly string[]>([]);
  const live = useRef("");
  useEffect(() => {
    floorTurns.value = 0;
    const onUser = (d: TranscriptData): void => {
      if (!d.final) return;
      floorTurns.value++;
      setDone((r) => [...r, `You: ${d.text}`]);
    };
    const onBotStart = (): void => {
      floorTurns.value++;
      live.current = "Bot:";
    };
    const onOutput = (d: BotOutputData): void => void (live.current += ` ${d.text}`);
    const onBotStop = (): void => {
      const text = live.current;
      setDone((r) => [...r, text]);
    };
    client.on(RTVIEvent.UserTranscript, onUser);
    client.on(RTVIEvent.BotStartedSpeaking, onBotStart);
    client.on(RTVIEvent.BotOutput, onOutput);
    client.on(RTVIEvent.BotStoppedSpeaking, onBotStop);
    return () => {
      client.off(RTVIEvent.UserTranscript, onUser);
      client.off(RTVIEvent.BotStartedSpeaking, onBotStart);
      client.off(RTVIEvent.BotOutput, onOutput);
      client.off(RTVIEvent.BotStoppedSpeaking, onBotStop);
    };
  }, [client]);
  return (
    <ol style={PANEL}>
      {done.map((t, i) => (
        <Row key={i} text={t} />
      ))}
      <LiveRow client={client} />
    </ol>
  );
}

/** One element showing the current bot reply: the cost of a token with no history on screen at all. */
export function FloorText({ client }: { client: PipecatClient }): ReactNode {
  const [text, setText] = useState("");
  useEffect(() => {
    floorTurns.value = 0;
    const onUser = (d: TranscriptData): void => {
      if (d.final) floorTurns.value++;
    };
    const onBotStart = (): void => {
      floorTurns.value++;
      setText("");
    };
    const onOutput = (d: BotOutputData): void => setText((t) => `${t} ${d.text}`);
    client.on(RTVIEvent.UserTranscript, onUser);
    client.on(RTVIEvent.BotStartedSpeaking, onBotStart);
    client.on(RTVIEvent.BotOutput, onOutput);
    return () => {
      client.off(RTVIEvent.UserTranscript, onUser);
      client.off(RTVIEvent.BotStartedSpeaking, onBotStart);
      client.off(RTVIEvent.BotOutput, onOutput);
    };
  }, [client]);
  return <div style={PANEL}>{text}</div>;
}
