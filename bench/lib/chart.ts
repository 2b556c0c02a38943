// A line chart as a standalone SVG string: log–log axes, one polyline per series. Written by the
// bench itself so the README picture always comes from a run, with no chart library anywhere.

export interface Series {
  readonly name: string;
  readonly color: string;
  /** Dashed for reference lines (the floors). */
  readonly dashed?: boolean;
  readonly points: ReadonlyArray<readonly [x: number, y: number | null]>;
}

export interface ChartSpec {
  readonly title: string;
  readonly subtitle: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly Series[];
}

const W = 800;
const H = 440;
const M = { left: 70, right: 250, top: 62, bottom: 52 };
const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

// Ticks at 1, 2, 5 × 10^k inside [lo, hi].
function ticks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  }
  return out;
}

const label = (v: number): string => (v >= 1000 ? `${v / 1000}k`.replace(".0k", "k") : v >= 1 ? String(v) : String(Number(v.toPrecision(2))));

export function lineChartSvg(spec: ChartSpec): string {
  const all = spec.series.flatMap((s) => s.points.filter((p): p is readonly [number, number] => p[1] !== null && p[1] > 0));
  if (all.length === 0) return "";
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  // Whole decades on y, so the gaps between series read as factors of ten.
  const y0 = 10 ** Math.floor(Math.log10(Math.min(...ys)));
  const y1 = 10 ** Math.ceil(Math.log10(Math.max(...ys)));
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const px = (x: number): number => M.left + (pw * Math.log(x / x0)) / Math.log(x1 / x0);
  const py = (y: number): number => M.top + ph - (ph * Math.log(y / y0)) / Math.log(y1 / y0);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${M.left}" y="24" font-size="15" font-weight="600">${esc(spec.title)}</text>`,
    `<text x="${M.left}" y="43" fill="#555">${esc(spec.subtitle)}</text>`,
  ];
  for (const t of ticks(y0, y1)) {
    const y = py(t).toFixed(1);
    parts.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${y}" y2="${y}" stroke="${Math.log10(t) % 1 === 0 ? "#ccc" : "#eee"}"/>`);
    parts.push(`<text x="${M.left - 6}" y="${y}" dy="4" text-anchor="end" fill="#444">${label(t)}</text>`);
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    const X = px(x).toFixed(1);
    parts.push(`<line x1="${X}" x2="${X}" y1="${M.top}" y2="${M.top + ph}" stroke="#eee"/>`);
    parts.push(`<text x="${X}" y="${M.top + ph + 16}" text-anchor="middle" fill="#444">${label(x)}</text>`);
  }
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  parts.push(`<text x="${M.left + pw / 2}" y="${H - 12}" text-anchor="middle" fill="#333">${esc(spec.xLabel)}</text>`);
  parts.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle" fill="#333">${esc(spec.yLabel)}</text>`);
  spec.series.forEach((s, i) => {
    const pts = s.points.filter((p): p is readonly [number, number] => p[1] !== null && p[1] > 0);
    const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
    if (pts.length > 1) parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2.2"${dash} points="${pts.map((p) => `${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(" ")}"/>`);
    for (const p of pts) parts.push(`<circle cx="${px(p[0]).toFixed(1)}" cy="${py(p[1]).toFixed(1)}" r="3" fill="${s.color}"><title>${esc(`${s.name}: ${p[1].toPrecision(3)} at ${p[0]}`)}</title></circle>`);
    const ly = M.top + 10 + i * 22;
    const lx = M.left + pw + 16;
    parts.push(`<line x1="${lx}" x2="${lx + 22}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2.2"${dash}/>`);
    parts.push(`<text x="${lx + 28}" y="${ly}" dy="4">${esc(s.name)}</text>`);
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
