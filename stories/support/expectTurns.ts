import { expect, waitFor } from "storybook/test";

/** A turn as the shared fixtures' `expect.turns` lists it (the fields the UI can show). */
export interface ExpectedTurn {
  role: string;
  text?: string;
  functionName?: string;
  interrupted?: boolean;
  final?: boolean;
}

function isExpectedTurn(v: unknown): v is ExpectedTurn {
  return typeof v === "object" && v !== null && typeof (v as ExpectedTurn).role === "string";
}

/** `expect.turns` of a fixture, or [] when it lists properties instead (malformed.json). */
export function expectedTurns(fixture: unknown): ExpectedTurn[] {
  const e = (fixture as { expect?: { turns?: unknown } } | null)?.expect;
  return Array.isArray(e?.turns) ? e.turns.filter(isExpectedTurn) : [];
}

/** The transcript's rendered rows, in order. */
export function rows(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('[data-rtvi-transcript] li[data-slot="turn"]'));
}

function matches(row: HTMLElement, turn: ExpectedTurn): boolean {
  if (row.dataset["role"] !== turn.role) return false;
  if (turn.role === "function_call") return row.querySelector('[data-slot="function-name"]')?.textContent === turn.functionName;
  if (turn.text !== undefined && row.querySelector('[data-slot="text"]')?.textContent !== turn.text) return false;
  if (turn.final === true && row.dataset["final"] === undefined) return false;
  if (turn.interrupted !== undefined && (row.dataset["interrupted"] !== undefined) !== turn.interrupted) return false;
  return true;
}

/** Waits until the transcript shows `turns` in order (other rows, e.g. errors, may sit between). */
export async function expectTranscript(root: HTMLElement, turns: readonly ExpectedTurn[], timeout = 15_000): Promise<void> {
  await waitFor(
    () => {
      const shown = rows(root);
      let at = 0;
      for (const turn of turns) {
        while (at < shown.length && !matches(shown[at] as HTMLElement, turn)) at++;
        expect(at < shown.length, `transcript row for ${JSON.stringify(turn)}`).toBe(true);
        at++;
      }
    },
    { timeout },
  );
}
