import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** One event of a ../shared/rtvi fixture. */
export type FixtureEvent =
  | { at: number; message: unknown }
  | { at: number; level: { source: "local" | "bot"; value: number } };

export interface Fixture {
  name: string;
  events: FixtureEvent[];
  expect: Record<string, unknown>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The shared fixtures live beside the project (../shared/rtvi), never copied into it. */
export const FIXTURE_DIR = process.env.RTVI_FIXTURES ?? resolve(here, "../../../shared/rtvi");

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(FIXTURE_DIR, f), "utf8")) as Fixture);
}
