// Maps a generated line:column of the page bundle back to its source file:line, so CPU profile
// entries name src/components/useTranscriptScroll.ts:41 rather than bench.js:420:140186.

interface RawMap {
  sources: string[];
  mappings: string;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Per generated line: sorted [generatedColumn, sourceIndex, sourceLine] triples. */
export type SourceLookup = (line1: number, col1: number) => string | null;

export function sourceLookup(mapJson: string): SourceLookup {
  const map = JSON.parse(mapJson) as RawMap;
  const lines: Array<Array<[number, number, number]>> = [];
  let src = 0;
  let srcLine = 0;
  for (const lineText of map.mappings.split(";")) {
    const segs: Array<[number, number, number]> = [];
    let col = 0;
    for (const seg of lineText.split(",")) {
      if (!seg) continue;
      const f = decodeVlq(seg);
      col += f[0] ?? 0;
      if (f.length >= 4) {
        src += f[1] ?? 0;
        srcLine += f[2] ?? 0;
        segs.push([col, src, srcLine]);
      }
    }
    lines.push(segs);
  }
  return (line1, col1) => {
    const segs = lines[line1 - 1];
    if (!segs || segs.length === 0) return null;
    let best: [number, number, number] | null = null;
    for (const s of segs) {
      if (s[0] > col1 - 1) break;
      best = s;
    }
    if (!best) return null;
    const file = (map.sources[best[1]] ?? "?").replace(/^(\.\.\/)+/, "").replace(/^.*node_modules\//, "");
    return `${file}:${best[2] + 1}`;
  };
}
