import { expect } from "vitest";
import type { Turn } from "../../src/store/transcript";

/**
 * Asserts a fixture's `expect` against turns: every listed turn in order with exactly the
 * listed field values, no other user/assistant/function turns, errors as system turns,
 * and the text properties of malformed.json.
 */
export function expectTurns(turns: readonly Turn[], want: Record<string, unknown>): void {
  const conversational = turns.filter((t) => t.role !== "system");
  if (Array.isArray(want.turns)) {
    const wanted = want.turns as Record<string, unknown>[];
    expect(conversational.map((t) => t.role)).toEqual(wanted.map((t) => t.role));
    wanted.forEach((w, i) => {
      const got = conversational[i] as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(w)) expect({ turn: i, key, value: got[key] }).toEqual({ turn: i, key, value });
    });
  }
  if (Array.isArray(want.errors)) {
    const errors = turns.filter((t) => t.role === "system").map((t) => ({ message: t.text, fatal: t.fatal }));
    expect(errors).toEqual(want.errors);
  }
  const all = conversational.map((t) => ("text" in t ? `${t.text}${t.pendingText}` : "")).join("\n");
  if (typeof want.containsUserText === "string") {
    const user = conversational.filter((t) => t.role === "user").map((t) => ("text" in t ? t.text : ""));
    expect(user.join("\n")).toContain(want.containsUserText);
  }
  if (typeof want.containsBotText === "string") expect(all).toContain(want.containsBotText);
}
