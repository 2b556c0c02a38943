// Where the bytes of a size entry go: esbuild's metafile (minified bytes per module) plus, per
// module and per top-level declaration, what gzip would save without it. Gzip is not additive, so
// "saves" is measured: the bundle is gzipped again with that module's (or declaration's) generated
// code cut out, located through the source map. That is the figure a split or a lazy import buys.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import ts from "typescript";
import { ROOT } from "./paths";
import { KB, buildOptions, type SizeEntry } from "./sizes";

interface RawMap {
  sources: string[];
  mappings: string;
}

export interface ModuleCost {
  readonly path: string;
  /** Minified bytes in the output (esbuild metafile bytesInOutput). */
  readonly minBytes: number;
  /** min+gz bytes the entry loses when this module's generated code is cut out. */
  readonly gzSaves: number;
}
export interface DeclCost extends ModuleCost {
  readonly name: string;
}
/** Code that could be split off or loaded only when used: whole files, or single declarations ("file#name"). */
export interface Candidate {
  readonly name: string;
  /** Why it is needed only sometimes. */
  readonly when: string;
  readonly code: readonly string[];
}
export interface CandidateCost {
  readonly name: string;
  readonly when: string;
  readonly minBytes: number;
  readonly gzSaves: number;
}
export interface Breakdown {
  readonly entry: string;
  readonly minBytes: number;
  readonly gzipBytes: number;
  readonly modules: ModuleCost[];
  readonly decls: DeclCost[];
  readonly candidates: CandidateCost[];
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const d = B64.indexOf(ch);
    value += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = shift = 0;
    }
  }
  return out;
}

/** Generated [start, end) offsets, each with the source index and 0-based source line that produced it. */
function spans(code: string, map: RawMap): Array<{ start: number; end: number; src: number; line: number }> {
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === "\n") lineStarts.push(i + 1);
  const out: Array<{ start: number; end: number; src: number; line: number }> = [];
  // The bundle's closing `export{…}` has no mapping: without this cap it would count as the last module's code.
  const tail = code.lastIndexOf("export{");
  const cap = tail > 0 ? tail : code.length;
  let src = 0;
  let line = 0;
  map.mappings.split(";").forEach((text, gl) => {
    const base = lineStarts[gl] ?? code.length;
    const lineEnd = (lineStarts[gl + 1] ?? code.length + 1) - 1;
    let col = 0;
    const segs: Array<[number, number, number]> = [];
    for (const seg of text.split(",")) {
      if (!seg) continue;
      const f = vlq(seg);
      col += f[0] ?? 0;
      if (f.length >= 4) {
        src += f[1] ?? 0;
        line += f[2] ?? 0;
        segs.push([col, src, line]);
      } else segs.push([col, -1, -1]);
    }
    segs.forEach(([c, s, l], i) => {
      const start = base + c;
      const end = base + (segs[i + 1]?.[0] ?? lineEnd - base);
      if (s >= 0) out.push({ start, end: start < cap ? Math.min(end, cap) : end, src: s, line: l });
    });
  });
  return out;
}

/** Top-level declarations of a source file: name and 0-based line range. */
function declarations(file: string): Array<{ name: string; from: number; to: number }> {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const line = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line;
  return sf.statements.flatMap((st) => {
    let name: string | undefined;
    if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) name = st.name?.text;
    else if (ts.isVariableStatement(st)) name = st.declarationList.declarations.map((d) => d.name.getText(sf)).join(", ");
    else if (ts.isImportDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isExportDeclaration(st)) return [];
    return [{ name: name ?? `(${ts.SyntaxKind[st.kind]})`, from: line(st.getStart(sf)), to: line(st.end) }];
  });
}

const gz = (s: string): number => gzipSync(Buffer.from(s), { level: 9 }).length;

function cut(code: string, ranges: ReadonlyArray<{ start: number; end: number }>): string {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const r of sorted) {
    if (r.start > at) out += code.slice(at, r.start);
    at = Math.max(at, r.end);
  }
  return out + code.slice(at);
}

const rel = (p: string): string => p.replace(/^(\.\.\/)+/, "").replace(/^.*node_modules\//, "node_modules/");

/** The breakdown of one size entry: every module, and the top-level declarations of our own src/ files. */
export async function breakdown(entry: SizeEntry, candidates: readonly Candidate[] = []): Promise<Breakdown> {
  const out = await build({ ...buildOptions(entry), metafile: true, sourcemap: "external", outfile: join(ROOT, ".tmp/size/entry.js") });
  const code = out.outputFiles.find((f) => f.path.endsWith(".js"))?.text ?? "";
  const map = JSON.parse(out.outputFiles.find((f) => f.path.endsWith(".map"))?.text ?? '{"sources":[],"mappings":""}') as RawMap;
  const total = gz(code);
  const all = spans(code, map);
  const bySource = new Map<number, typeof all>();
  for (const s of all) bySource.set(s.src, [...(bySource.get(s.src) ?? []), s]);
  const output = Object.entries(out.metafile?.outputs ?? {}).find(([k]) => k.endsWith(".js"))?.[1];
  const modules: ModuleCost[] = Object.entries(output?.inputs ?? {})
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([path, v]) => {
      // A package that ships its own source maps (Radix) is mapped to its original sources: take them all.
      const pkg = /^node_modules\/(?:@[^/]+\/)?[^/]+\//.exec(rel(path))?.[0];
      const idxs = map.sources.flatMap((s, i) => (rel(s) === rel(path) ? [i] : []));
      const own = idxs.length ? idxs : pkg ? map.sources.flatMap((s, i) => (rel(s).startsWith(pkg) ? [i] : [])) : [];
      return { path: rel(path), minBytes: v.bytesInOutput, gzSaves: own.length ? total - gz(cut(code, own.flatMap((i) => bySource.get(i) ?? []))) : 0 };
    })
    .sort((a, b) => b.gzSaves - a.gzSaves);
  const decls: Array<DeclCost & { spans: typeof all }> = [];
  map.sources.forEach((source, idx) => {
    const path = rel(source);
    if (!path.startsWith("src/")) return;
    const mine = bySource.get(idx) ?? [];
    for (const d of declarations(join(ROOT, path))) {
      const hit = mine.filter((s) => s.line >= d.from && s.line <= d.to);
      if (hit.length === 0) continue;
      const minBytes = hit.reduce((n, s) => n + s.end - s.start, 0);
      decls.push({ path, name: d.name, minBytes, gzSaves: total - gz(cut(code, hit)), spans: hit });
    }
  });
  decls.sort((a, b) => b.gzSaves - a.gzSaves);
  const spansOf = (ref: string): typeof all => {
    const [file = "", name] = ref.split("#");
    // "dir/" takes every source under it (a package mapped to its original sources).
    if (name === undefined) return map.sources.flatMap((s, i) => ((file.endsWith("/") ? rel(s).startsWith(file) : rel(s) === file) ? (bySource.get(i) ?? []) : []));
    return decls.find((d) => d.path === file && d.name === name)?.spans ?? [];
  };
  const costs: CandidateCost[] = candidates
    .map((c) => {
      const hit = c.code.flatMap(spansOf);
      return { name: c.name, when: c.when, minBytes: hit.reduce((n, s) => n + s.end - s.start, 0), gzSaves: hit.length ? total - gz(cut(code, hit)) : 0 };
    })
    .filter((c) => c.minBytes > 0);
  return { entry: entry.name, minBytes: code.length, gzipBytes: total, modules, decls: decls.map(({ spans: _, ...d }) => d), candidates: costs };
}

const kb = (b: number): string => (b / KB).toFixed(2);

/** Markdown: modules (all) and our declarations (the `topDecls` that cost most). */
export function breakdownMarkdown(b: Breakdown, topDecls = 25): string {
  return [
    `**${b.entry}**: ${kb(b.minBytes)} KB min, ${kb(b.gzipBytes)} KB min+gz. Per module (esbuild metafile), and what min+gz loses when the module's generated code is cut out:`,
    "",
    "| module | min KB | min+gz saved without it, KB |",
    "|---|---:|---:|",
    ...b.modules.map((m) => `| ${m.path} | ${kb(m.minBytes)} | ${kb(m.gzSaves)} |`),
    "",
    `Top-level declarations in src/ by min+gz they cost (top ${topDecls}):`,
    "",
    "| declaration | file | min KB | min+gz saved without it, KB |",
    "|---|---|---:|---:|",
    ...b.decls.slice(0, topDecls).map((d) => `| \`${d.name}\` | ${d.path} | ${kb(d.minBytes)} | ${kb(d.gzSaves)} |`),
    ...(b.candidates.length
      ? [
          "",
          `Needed only when used: what **${b.entry}** would lose if each were split off or loaded on first use (each measured alone):`,
          "",
          "| candidate | needed only when | min KB | min+gz saved, KB |",
          "|---|---|---:|---:|",
          ...b.candidates.map((c) => `| ${c.name} | ${c.when} | ${kb(c.minBytes)} | ${kb(c.gzSaves)} |`),
        ]
      : []),
  ].join("\n");
}
