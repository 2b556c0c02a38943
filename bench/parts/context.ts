// What every part receives from bench/run.ts.
import type { Browser } from "playwright-core";
import type { PageBundle } from "../lib/browser";

export interface BenchContext {
  /** Rounds per comparison (each round runs ours then theirs, or theirs then ours). */
  readonly rounds: number;
  readonly browser: () => Promise<Browser>;
  readonly bundle: (names?: boolean) => Promise<PageBundle>;
  readonly log: (line: string) => void;
}

/** Alternates which side goes first, so a slow start of the run does not always land on one side. */
export const order = (round: number): readonly ["ours", "theirs"] | readonly ["theirs", "ours"] => (round % 2 === 0 ? ["ours", "theirs"] : ["theirs", "ours"]);
