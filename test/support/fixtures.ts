import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One event of an RTVI session fixture (test/fixtures/rtvi). */
export type FixtureEvent =
  | { at: number; message: unknown }
  | { at: number; level: { source: "local" | "bot"; value: number } };

export interface Fixture {
  name: string;
  events: FixtureEvent[];
  expect: Record<string, unknown>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The project's own session fixtures; the stories import the same files. */
export const FIXTURE_DIR = resolve(here, "../fixtures/rtvi");

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(FIXTURE_DIR, f), "utf8")) as Fixture);
}
