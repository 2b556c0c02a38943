// Part e: the example bot server's own load bench (example-app/tools/bench.ts), run as a child.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, RESULTS } from "../lib/paths";
import type { PartResult, Row } from "../lib/report";
import type { BenchContext } from "./context";

// Read loosely: that bench belongs to someone else and its JSON may gain or rename fields.
interface ServerRow {
  n?: number;
  /** "20" for ours; "20, encoded in the slot" for the same-run baseline (ENCODE_AHEAD=0). */
  label?: string;
  frameWorkMs?: number;
  cpuPerCallPct?: number;
  callsPerCore?: number;
  lateSharePct?: number;
  framesSent?: number;
  framesSkipped?: number;
}

function runChild(args: string[], log: (line: string) => void): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "example-app/tools/bench.ts"), ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      for (const line of d.toString().split("\n")) if (line.trim()) log(`e: [server bench] ${line}`);
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout }));
  });
}

export async function serverPart(ctx: BenchContext): Promise<PartResult> {
  mkdirSync(RESULTS, { recursive: true });
  const out = join(RESULTS, "server-bench.json");
  ctx.log("e: running example-app/tools/bench.ts (about a minute)");
  const { code, stdout } = await runChild(["--json", out], ctx.log);
  let rows: ServerRow[] = [];
  let raw: unknown = null;
  try {
    raw = JSON.parse(readFileSync(out, "utf8"));
    rows = ((raw as { rows?: ServerRow[] }).rows ?? []).filter((r) => typeof r.n === "number");
  } catch {
    rows = [];
  }
  const isBaseline = (r: ServerRow): boolean => r.label !== undefined && r.label !== String(r.n);
  const baseline = rows.find(isBaseline);
  const table: Row[] = rows.filter((r) => !isBaseline(r)).flatMap((r) => {
    const calls = `${r.n} call${r.n === 1 ? "" : "s"}`;
    const base = baseline?.n === r.n ? baseline : undefined;
    const vs = base ? "; theirs = each frame encoded in its slot (ENCODE_AHEAD=0), same run" : "";
    return [
      { metric: `${calls}: CPU per call (% of a core)${vs}`, ours: r.cpuPerCallPct ?? null, ...(base ? { theirs: base.cpuPerCallPct ?? null } : {}), unit: "%" },
      { metric: `${calls}: calls per core`, ours: r.callsPerCore ?? null, digits: 0 },
      { metric: `${calls}: 20 ms frames late (> 5 ms)${vs}`, ours: r.lateSharePct ?? null, ...(base ? { theirs: base.lateSharePct ?? null } : {}), unit: "%" },
      ...(base ? [{ metric: `${calls}: server loop time per frame sent${vs}`, ours: r.frameWorkMs ?? null, theirs: base.frameWorkMs ?? null, unit: " ms", digits: 3 }] : []),
    ];
  });
  return {
    id: "e",
    title: "Example bot server: concurrent calls (Opus in/out through the bridge to the offline stand-in)",
    rows: table,
    notes: [
      `From \`example-app/tools/bench.ts --json\` run as a child process (exit code ${code}); its own table follows. There is no anchor to compare with: client-react and voice-ui-kit have no server.`,
      ...(rows.length === 0 ? ["**The server bench produced no rows** (see its output below)."] : []),
    ],
    extra: stdout.trim(),
    raw,
  };
}
