/**
 * Splits a reply into pieces for streamed synthesis: each is voiced and sent with its own
 * output transcription, so the first audio starts after one short phrase, and a barge-in
 * leaves only the pieces actually played in the transcript.
 */
export interface ChunkOptions {
  /** Longest piece (in characters) before a sentence is split further at commas, then spaces. */
  maxChars?: number;
  /** Same for CJK text, where each character carries more speech. */
  maxCjkChars?: number;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Sentence ends: Latin ones need a space (or the end) after them; CJK ones do not.
const SENTENCE_END = /([.!?…]+["'”’)\]]*)(?=\s|$)|([。！？]+["'”’」』)\]]*)/gu;
const ABBREVIATIONS = /\b(?:mr|mrs|ms|dr|st|vs|etc|e\.g|i\.e|no)\.$/i;

function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    const piece = text.slice(start, end);
    // "Dr. Smith" is one sentence; a full stop inside a number never matches (no space after it).
    if (m[1] && ABBREVIATIONS.test(piece.trimEnd())) continue;
    out.push(piece);
    start = end;
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

function splitAt(piece: string, re: RegExp): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const m of piece.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].length;
    parts.push(piece.slice(start, end));
    start = end;
  }
  parts.push(piece.slice(start));
  return parts.map((s) => s.trim()).filter(Boolean);
}

// Greedily joins small parts back up to the limit, so commas do not make one-word chunks.
function pack(parts: string[], limit: number, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const p of parts) {
    const next = cur ? cur + sep + p : p;
    if (cur && next.length > limit) {
      out.push(cur);
      cur = p;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

function splitLong(piece: string, limit: number, cjk: boolean): string[] {
  if (piece.length <= limit) return [piece];
  const clauses = cjk ? splitAt(piece, /[,、;:，；：]+/gu) : splitAt(piece, /[,;:]+(?=\s)|\s[–—-]\s/g);
  const packed = pack(clauses, limit, cjk ? "" : " ");
  return packed.flatMap((c) => {
    if (c.length <= limit) return [c];
    if (cjk) {
      const out: string[] = [];
      for (let i = 0; i < c.length; i += limit) out.push(c.slice(i, i + limit));
      return out;
    }
    return pack(c.split(/\s+/), limit, " ");
  });
}

/** The reply as speakable pieces, in order; joined with spaces they give back the words. */
export function splitForSpeech(text: string, opts: ChunkOptions = {}): string[] {
  const maxChars = opts.maxChars ?? 80;
  const maxCjk = opts.maxCjkChars ?? 24;
  return sentences(text.replace(/\s+/g, " ")).flatMap((s) => {
    const cjk = CJK.test(s);
    return splitLong(s, cjk ? maxCjk : maxChars, cjk);
  });
}
