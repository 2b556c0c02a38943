import { asFields, str, type Fields } from "./read";
import { ensureBot } from "./bot";
import type { SearchGrounding, SearchSource, TranscriptState } from "./types";
import { findTurn, replaceTurn } from "./turns";

// Metadata about a turn (what the LLM received, what a search found) may arrive after the
// turn is final; it is added to that turn's copy without touching its text.

const MAX_SOURCES = 20;

function safeUri(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    // Links go into an href: anything but http(s) (javascript:, data:) is dropped.
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** `bot-llm-search-response` as plain data; `rendered_content` (bot HTML) is never read. */
export function readSearch(data: Fields | undefined): SearchGrounding | null {
  if (!data) return null;
  const origins = Array.isArray(data["origins"]) ? (data["origins"] as unknown[]) : [];
  const sources: SearchSource[] = [];
  for (const o of origins) {
    const f = asFields(o);
    const uri = safeUri(f?.["site_uri"]);
    if (!uri || sources.some((s) => s.uri === uri)) continue;
    const title = str(f, "site_title")?.trim();
    sources.push({ uri, title: title || null });
    if (sources.length >= MAX_SOURCES) break;
  }
  const text = str(data, "search_result") ?? null;
  return sources.length === 0 && text === null ? null : { text, sources };
}

/**
 * Search grounding goes on the bot turn being built; failing that on the bot turn that
 * just ended (the last turn); failing that it opens the bot turn the answer will fill.
 */
export function onSearchResponse(state: TranscriptState, data: Fields | undefined, now: number): TranscriptState {
  const search = readSearch(data);
  if (!search) return state;
  const live = findTurn(state.turns, state.bot?.id ?? null);
  const last = state.turns[state.turns.length - 1];
  const target = live?.role === "assistant" ? live : last?.role === "assistant" ? last : undefined;
  if (target) return replaceTurn(state, { ...target, search });
  if (!state.acceptBotText) return state;
  const [s, work] = ensureBot(state, now, "bot-llm-text");
  const opened = findTurn(s.turns, work.id);
  return opened?.role === "assistant" ? replaceTurn(s, { ...opened, search }) : s;
}

/** `user-llm-text`: the latest user turn gets the text its LLM received. */
export function onUserLlmText(state: TranscriptState, data: Fields | undefined): TranscriptState {
  const text = str(data, "text");
  if (text === undefined || text.trim() === "") return state;
  for (let i = state.turns.length - 1; i >= 0; i--) {
    const t = state.turns[i];
    if (t?.role !== "user") continue;
    return t.llmText === text ? state : replaceTurn(state, { ...t, llmText: text });
  }
  return state;
}
