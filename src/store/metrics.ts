import { asFields, str, type Fields } from "./transcript/read";

/**
 * What a metric measures. Pipecat sends `ttfb` and `processing` in seconds; the kit keeps
 * every duration in milliseconds. `voiceToVoice` and `connect` are measured by the client.
 */
export type MetricKind = "ttfb" | "processing" | "promptTokens" | "completionTokens" | "totalTokens" | "characters" | "voiceToVoice";

/** One reading: a kind, the processor (service) that reported it, and its value (ms or a count). */
export interface MetricSample {
  readonly kind: MetricKind;
  /** The Pipecat processor name ("GeminiLive", "CartesiaTTSService#0"...), or "client". */
  readonly processor: string;
  readonly model: string | null;
  readonly value: number;
}

/** Everything measured during one exchange: from a user's input to the next one. */
export interface MetricsTurn {
  /** 0 is the bot's greeting, before any user input; it counts exchanges that have figures. */
  readonly index: number;
  /** When the first figure of the exchange arrived (the session clock). */
  readonly at: number;
  readonly samples: readonly MetricSample[];
}

/** The session's metrics: a bounded list of exchanges and the time it took to connect. */
export interface MetricsState {
  /** Oldest first; at most `MAX_METRICS_TURNS`. */
  readonly turns: readonly MetricsTurn[];
  /** From the start of `connect()` to the bot being ready, in ms; null until measured. */
  readonly connectMs: number | null;
  /** When the current connect attempt started, or null. */
  readonly connectStartedAt: number | null;
  /** A user input started a new exchange: the next figure opens a new turn. */
  readonly newTurnPending: boolean;
}

/** How many exchanges are kept; older ones are dropped first. */
export const MAX_METRICS_TURNS = 100;
/** How many readings one exchange keeps (a chatty pipeline may report many per turn). */
export const MAX_SAMPLES_PER_TURN = 64;

export function createMetricsState(): MetricsState {
  return { turns: [], connectMs: null, connectStartedAt: null, newTurnPending: false };
}

const SECONDS: Readonly<Record<string, MetricKind>> = { ttfb: "ttfb", processing: "processing" };
const TOKENS: ReadonlyArray<readonly [string, MetricKind]> = [
  ["prompt_tokens", "promptTokens"],
  ["completion_tokens", "completionTokens"],
  ["total_tokens", "totalTokens"],
];

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;
// Processor names are shown as text; a bot could send anything.
const name = (f: Fields | undefined, fallback: string | null): string | null => {
  const p = str(f, "processor")?.trim();
  return p ? p.slice(0, 80) : fallback;
};

/**
 * Reads the `data` of an RTVI `metrics` message in Pipecat's shape (`ttfb`, `processing`,
 * `characters`: `{processor, model?, value}` lists; `tokens`: LLM usage, flat or under
 * `value`). Returns the valid readings and how many entries were not.
 */
export function readMetrics(data: unknown): { samples: MetricSample[]; ignored: number } {
  const samples: MetricSample[] = [];
  let ignored = 0;
  const d = asFields(data);
  if (!d) return { samples, ignored: 1 };
  for (const [key, list] of Object.entries(d)) {
    if (!Array.isArray(list)) {
      ignored++;
      continue;
    }
    for (const raw of list) {
      const f = asFields(raw);
      const model = str(f, "model")?.slice(0, 80) ?? null;
      if (key in SECONDS || key === "characters") {
        const processor = name(f, null);
        const value = f?.["value"];
        if (!processor || !finite(value)) {
          ignored++;
          continue;
        }
        const kind = SECONDS[key] ?? "characters";
        samples.push({ kind, processor, model, value: kind === "characters" ? value : value * 1000 });
      } else if (key === "tokens") {
        // Pipecat's RTVI observer sends the usage itself; some bridges nest it under `value`.
        const usage = asFields(f?.["value"]) ?? f;
        const processor = name(f, "LLM") as string;
        let any = false;
        for (const [field, kind] of TOKENS) {
          const v = usage?.[field];
          if (!finite(v)) continue;
          any = true;
          samples.push({ kind, processor, model, value: v });
        }
        if (!any) ignored++;
      } else {
        ignored++;
      }
    }
  }
  return { samples, ignored };
}

/** Adds readings to the current exchange (or opens one), keeping the history bounded. */
export function addSamples(state: MetricsState, samples: readonly MetricSample[], now: number): MetricsState {
  if (samples.length === 0) return state;
  const last = state.turns[state.turns.length - 1];
  let turns: MetricsTurn[];
  if (!last || state.newTurnPending) {
    const index = last ? last.index + 1 : 0;
    turns = [...state.turns, { index, at: now, samples: samples.slice(-MAX_SAMPLES_PER_TURN) }];
    if (turns.length > MAX_METRICS_TURNS) turns = turns.slice(-MAX_METRICS_TURNS);
  } else {
    const merged = [...last.samples, ...samples];
    turns = [...state.turns.slice(0, -1), { ...last, samples: merged.length > MAX_SAMPLES_PER_TURN ? merged.slice(-MAX_SAMPLES_PER_TURN) : merged }];
  }
  return { ...state, turns, newTurnPending: false };
}

/**
 * The `metrics` message reducer. Malformed entries (not finite, negative, no processor) are
 * ignored; a message with nothing valid returns the same state, so nothing re-renders.
 */
export function reduceMetricsMessage(state: MetricsState, data: unknown, now: number): MetricsState {
  return addSamples(state, readMetrics(data).samples, now);
}

/** A user input: the next figures belong to a new exchange. */
export function userInput(state: MetricsState): MetricsState {
  return state.newTurnPending ? state : { ...state, newTurnPending: true };
}

/** Connecting started (`now`), or the bot became ready: the connect time is measured once per attempt. */
export function connectProgress(state: MetricsState, phase: "start" | "ready", now: number): MetricsState {
  if (phase === "start") return state.connectStartedAt === null ? { ...state, connectStartedAt: now } : state;
  if (state.connectStartedAt === null) return state;
  return { ...state, connectMs: Math.max(0, now - state.connectStartedAt), connectStartedAt: null };
}
