// The bench's results: one section per part, rows of ours / theirs / ratio / target / met?.

export interface Row {
  readonly metric: string;
  readonly ours: number | null;
  readonly theirs?: number | null;
  readonly unit?: string;
  /** Decimals to print. Default 2. */
  readonly digits?: number;
  /**
   * The floor for this figure (the cheapest code doing the same work, measured in the same page):
   * a part with floors prints it and ours/floor, theirs/floor beside the comparison.
   */
  readonly floor?: number | null;
  readonly target?: string;
  /** Whether ours meets the target; undefined when the row has none. */
  readonly met?: boolean;
}

export interface PartResult {
  readonly id: string;
  readonly title: string;
  readonly rows: Row[];
  /** How it was measured, and anything a reader needs to read the numbers right. */
  readonly notes: string[];
  /** Everything measured, per round, for the JSON. */
  readonly raw: unknown;
  /** Markdown printed after the notes (e.g. a full table). */
  readonly extra?: string;
  /** Only part c may fail the run (a size budget exceeded). */
  readonly failed?: boolean;
}

export function ratio(ours: number | null | undefined, theirs: number | null | undefined): number | null {
  if (ours === null || ours === undefined || theirs === null || theirs === undefined || theirs === 0) return null;
  return ours / theirs;
}

function fmt(v: number | null | undefined, digits: number, unit = ""): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  return `${v.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
}

const times = (q: number | null): string => (q === null ? "–" : `${q.toFixed(q < 0.1 ? 3 : 2)}×`);

export function partMarkdown(p: PartResult): string {
  const floors = p.rows.some((r) => r.floor !== undefined);
  const head = floors ? "| metric | ours | theirs | ours/theirs | floor | ours/floor | theirs/floor | target | met? |" : "| metric | ours | theirs | ours/theirs | target | met? |";
  const lines = [`### ${p.id}. ${p.title}`, "", head, floors ? "|---|---:|---:|---:|---:|---:|---:|---|---|" : "|---|---:|---:|---:|---|---|"];
  for (const r of p.rows) {
    const d = r.digits ?? 2;
    const met = r.met === undefined ? "–" : r.met ? "yes" : "**no**";
    const floor = floors ? ` ${fmt(r.floor, d, r.unit)} | ${times(ratio(r.ours, r.floor))} | ${times(ratio(r.theirs, r.floor))} |` : "";
    lines.push(`| ${r.metric} | ${fmt(r.ours, d, r.unit)} | ${fmt(r.theirs, d, r.unit)} | ${times(ratio(r.ours, r.theirs))} |${floor} ${r.target ?? "–"} | ${met} |`);
  }
  if (p.notes.length > 0) lines.push("", ...p.notes.map((n) => `- ${n}`));
  if (p.extra) lines.push("", p.extra);
  return lines.join("\n");
}

export const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export const percentile = (xs: readonly number[], p: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};
