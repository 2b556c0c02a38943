// Text helpers for joining streamed chunks. Pure functions, no React.

// Scripts written without spaces between words: Han, Hiragana, Katakana, Thai, Lao,
// Khmer, Myanmar. Korean Hangul is written with spaces, so it is not in this list.
const NO_SPACE_SCRIPT =
  /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u2E80-\u2FFF\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;
// Punctuation that closes onto the word before it.
const CLOSING = /^[.,!?;:%)\]}'’”»…、。，！？：；）」』】]/u;
// Punctuation after which the next word follows without a space.
const OPENING = /[([{‘“«¿¡「『【（]$/u;

/**
 * Joins two chunks of speech text the way a reader expects: chunks that already carry
 * their own spacing are concatenated; word-level chunks (word-timestamp TTS, sentence
 * segments) get one space between them, except in scripts written without spaces and
 * before closing punctuation.
 */
export function joinChunk(prev: string, next: string): string {
  if (prev === "") return next;
  if (next === "") return prev;
  const last = prev[prev.length - 1] ?? "";
  const first = next[0] ?? "";
  if (/\s/u.test(last) || /\s/u.test(first)) return prev + next;
  if (CLOSING.test(next) || OPENING.test(prev)) return prev + next;
  if (NO_SPACE_SCRIPT.test(last) || NO_SPACE_SCRIPT.test(first)) return prev + next;
  return `${prev} ${next}`;
}

/** Joins a list of chunks with {@link joinChunk}. */
export function joinChunks(chunks: readonly string[]): string {
  let out = "";
  for (const c of chunks) out = joinChunk(out, c);
  return out;
}

/**
 * Where `spoken` ends inside `full`, comparing characters and ignoring differences in
 * white space (sources space words differently). Returns the index in `full` just after
 * the last matched character, or -1 when `spoken` is not a prefix of `full`.
 */
export function prefixEnd(full: string, spoken: string): number {
  let i = 0;
  let j = 0;
  let end = 0;
  while (j < spoken.length) {
    const s = spoken[j] as string;
    if (/\s/u.test(s)) {
      j++;
      continue;
    }
    while (i < full.length && /\s/u.test(full[i] as string)) i++;
    if (i >= full.length || full[i] !== s) return -1;
    i++;
    j++;
    end = i;
  }
  return end;
}

/** The part of `full` not yet covered by `spoken`, or "" when they do not line up. */
export function remainderAfter(full: string, spoken: string): string {
  if (full === "") return "";
  const end = prefixEnd(full, spoken);
  return end < 0 ? "" : full.slice(end);
}
