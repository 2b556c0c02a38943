// Summarises a V8 CPU profile (CDP Profiler.stop) by self time per function.
import type { SourceLookup } from "./sourcemap";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  readonly name: string;
  readonly ms: number;
  /** Share of the non-idle sampled time. */
  readonly pct: number;
}

export function topSelfTime(profile: CpuProfile, n: number, lookup?: SourceLookup): HotFunction[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busy = 0;
  // timeDeltas[i] is the time before sample i; attributing it to sample i is V8's own convention.
  for (let i = 0; i < samples.length; i++) {
    const frame = byId.get(samples[i] as number);
    const us = deltas[i] ?? 0;
    if (!frame || frame.functionName === "(idle)") continue;
    const name = frame.functionName || "(anonymous)";
    // Bundle positions mean nothing to a reader: name the source file and line instead.
    const source = frame.url.endsWith("bench.js") ? lookup?.(frame.lineNumber + 1, frame.columnNumber + 1) : null;
    const key = source ? `${name} (${source})` : frame.url ? `${name} (${frame.url}:${frame.lineNumber + 1})` : name;
    self.set(key, (self.get(key) ?? 0) + us);
    busy += us;
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: us / 1000, pct: busy ? (100 * us) / busy : 0 }));
}
