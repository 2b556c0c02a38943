/** Props of the internal {@link Sparkline}. */
export interface SparklineProps {
  readonly values: readonly number[];
  /** viewBox size; the SVG scales to its box (CSS `--rtvi-sparkline-*` in styles.css). */
  readonly width?: number;
  readonly height?: number;
}

/**
 * A tiny SVG line of values, scaled from 0 to the largest; decorative (`aria-hidden`),
 * since the numbers it draws are in the table beside it. No chart library.
 */
export function Sparkline({ values, width = 80, height = 20 }: SparklineProps) {
  const max = Math.max(0, ...values);
  const n = values.length;
  const pad = 1.5;
  const x = (i: number) => (n === 1 ? width / 2 : pad + (i / (n - 1)) * (width - 2 * pad));
  const y = (v: number) => height - pad - (max > 0 ? (v / max) * (height - 2 * pad) : 0);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = values[n - 1];
  return (
    <svg className="rtvi-sparkline" data-rtvi-sparkline="" data-points={n} viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" focusable="false">
      {n > 1 && <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" />}
      {last !== undefined && <circle cx={x(n - 1)} cy={y(last)} r={2} fill="currentColor" />}
    </svg>
  );
}
