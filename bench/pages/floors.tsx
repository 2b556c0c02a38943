// The floor of part b: the cheapest React code that shows the same stream. No store, no
// transcript engine, no scroll pinning: client-js events straight into useState.
import { RTVIEvent, type BotOutputData, type PipecatClient, type TranscriptData } from "@pipecat-ai/client-js";
import { memo, useEffect, useState, type CSSProperties, type ReactNode } from "react";

const PANEL: CSSProperties = { height: 400, width: 600, overflow: "auto" };

/** Turns each floor has seen (user lines + bot replies), read by the bench between measurements. */
export const floorTurns = { value: 0 };

const Row = memo(function Row({ text }: { text: string }): ReactNode {
  return <li>{text}</li>;
});

/**
 * One plain row per turn, every row rendered: a user line per final transcript, a bot row per
 * bot-started-speaking that each bot-output appends to. Rows are memoised, so a token re-renders
 * one row and React only walks the list; the array copy is what immutable state costs.
 */
export function FloorRows({ client }: { client: PipecatClient }): ReactNode {
  const [rows, setRows] = useState<readonly string[]>([]);
  useEffect(() => {
    floorTurns.value = 0;
    const onUser = (d: TranscriptData): void => {
      if (!d.final) return;
      floorTurns.value++;
      setRows((r) => [...r, `You: ${d.text}`]);
    };
    const onBotStart = (): void => {
      floorTurns.value++;
      setRows((r) => [...r, "Bot:"]);
    };
    const onOutput = (d: BotOutputData): void =>
      setRows((r) => {
        const next = r.slice();
        next[next.length - 1] = `${next[next.length - 1] ?? ""} ${d.text}`;
        return next;
      });
    client.on(RTVIEvent.UserTranscript, onUser);
    client.on(RTVIEvent.BotStartedSpeaking, onBotStart);
    client.on(RTVIEvent.BotOutput, onOutput);
    return () => {
      client.off(RTVIEvent.UserTranscript, onUser);
      client.off(RTVIEvent.BotStartedSpeaking, onBotStart);
      client.off(RTVIEvent.BotOutput, onOutput);
    };
  }, [client]);
  return (
    <ol style={PANEL}>
      {rows.map((t, i) => (
        <Row key={i} text={t} />
      ))}
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
