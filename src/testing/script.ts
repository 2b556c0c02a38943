/** An RTVI message as it arrives from a transport. */
export interface ScriptMessage {
  label?: string;
  type?: string;
  id?: string;
  data?: unknown;
}

/** One timed event of a script: a message, or an audio level reading (0..1). */
export type ScriptEvent =
  | { at: number; message: ScriptMessage }
  | { at: number; level: { source: "local" | "bot"; value: number } };

/** A scripted RTVI session, in the format of the shared fixtures (`events[]`, `at` in ms). */
export interface Script {
  name?: string;
  events: ScriptEvent[];
  expect?: unknown;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Reads a script from JSON text or a parsed object. Events that are neither a message nor
 * a level, or have no finite `at`, are dropped rather than failing the whole script:
 * malformed *messages* are kept, because delivering them is what tests are for.
 */
export function parseScript(input: unknown): Script {
  const raw: unknown = typeof input === "string" ? JSON.parse(input) : input;
  if (!isRecord(raw) || !Array.isArray(raw.events)) throw new TypeError("A script needs an `events` array.");
  const events: ScriptEvent[] = [];
  for (const e of raw.events) {
    if (!isRecord(e) || typeof e.at !== "number" || !Number.isFinite(e.at)) continue;
    if ("message" in e) events.push({ at: e.at, message: (isRecord(e.message) ? e.message : {}) as ScriptMessage });
    else if (isRecord(e.level) && (e.level.source === "local" || e.level.source === "bot") && typeof e.level.value === "number")
      events.push({ at: e.at, level: { source: e.level.source, value: e.level.value } });
  }
  events.sort((a, b) => a.at - b.at);
  return { name: typeof raw.name === "string" ? raw.name : undefined, events, expect: raw.expect };
}
