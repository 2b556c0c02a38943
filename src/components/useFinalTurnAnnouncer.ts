import { useEffect, useRef, useState } from "react";
import type { Turn } from "../store/transcript/types";
import type { TranscriptLabels } from "./transcriptLabels";

/** What the live region says next: `key` changes per announcement so a repeat is re-read. */
export interface Announcement {
  readonly key: string;
  readonly text: string;
}

// Only the tail of the conversation can change; scanning it keeps a token into a huge
// history as cheap as into a short one.
const SCAN = 50;

function spokenLine(turn: Turn, t: TranscriptLabels): string {
  if (turn.role === "system") return turn.text ? `${turn.kind === "error" ? t.error : t.notice}: ${turn.text}` : "";
  // Tool calls are noise when heard; they stay readable in the log.
  if (turn.role === "function_call" || !turn.text.trim()) return "";
  const who = turn.role === "assistant" ? t.bot : t.user;
  return `${who}: ${turn.text}${turn.interrupted ? ` ${t.interrupted}` : ""}`;
}

/**
 * The text for a polite live region: each turn once, when it becomes final. Streaming tokens
 * are never announced (a screen reader would read every word twice), and the history a
 * panel mounts with is not read out.
 */
export function useFinalTurnAnnouncer(turns: readonly Turn[], labels: TranscriptLabels): Announcement | null {
  const seen = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  useEffect(() => {
    if (seen.current === null) {
      seen.current = new Set(turns.filter((t) => t.final).map((t) => t.id));
      return;
    }
    const fresh: string[] = [];
    let key = "";
    for (let i = turns.length - 1; i >= Math.max(0, turns.length - SCAN); i--) {
      const t = turns[i] as Turn;
      if (!t.final || seen.current.has(t.id)) continue;
      seen.current.add(t.id);
      const line = spokenLine(t, labels);
      if (line) fresh.unshift(line);
      key ||= t.id;
    }
    if (fresh.length > 0) setAnnouncement({ key, text: fresh.join(" ") });
  }, [turns, labels]);
  return announcement;
}
