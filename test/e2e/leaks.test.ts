import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, launch } from "./harness";

type Snapshot = { audioContexts: number; sourceNodes: number; intervals: number; rafLoops: number; kitTracks: number };
type LeakApi = { mountWith(): Promise<number>; connectCycles(n: number): Promise<number>; unmount(): Promise<void>; mountCycles(n: number): Promise<number> };

let browser: Browser;
let page: Page;
const read = (): Promise<Snapshot> => page.evaluate(() => (window as unknown as { __snapshot(): Snapshot }).__snapshot());
// Visualizers animate their bars down to rest and then stop their loop: a loop that never
// stops is the leak, so wait for rest (bounded) before each reading.
async function snapshot(): Promise<Snapshot> {
  await page.waitForFunction(() => (window as unknown as { __snapshot(): Snapshot }).__snapshot().rafLoops === 0, null, { timeout: 10_000 });
  return read();
}
const call = <K extends keyof LeakApi>(name: K, ...args: Parameters<LeakApi[K]>) =>
  page.evaluate(([n, a]) => (window as unknown as { leakApi: Record<string, (...x: unknown[]) => unknown> }).leakApi[n as string]?.(...(a as unknown[])), [name, args] as const) as ReturnType<LeakApi[K]>;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(ROOT, "test/browser/leakPage.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  browser = await launch();
  page = await browser.newPage();
  await page.addInitScript({ content: readFileSync(join(ROOT, "test/browser/instrument.js"), "utf8") });
  await page.goto("about:blank");
  await page.setContent('<div id="root"></div>');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? "" });
  await page.waitForFunction(() => document.title === "ready");
});
afterAll(async () => browser?.close());

describe("lifecycles leave nothing behind (Chromium, ScriptedTransport with real audio tracks)", () => {
  it("200 connect/disconnect cycles and 200 mount/unmount cycles", async () => {
    const start = await snapshot();
    const listenersBefore = await call("mountWith");
    const mounted = await read();
    const listenersMounted = await call("connectCycles", 0);
    await call("connectCycles", 1);
    const afterOne = await snapshot();
    const listenersAfterCycles = await call("connectCycles", 199);
    const afterConnects = await snapshot();
    await call("unmount");
    const afterUnmount = await snapshot();
    const leftOnCreatedClients = await call("mountCycles", 200);
    const afterMounts = await snapshot();
    console.log(JSON.stringify({ start, mounted, afterOne, afterConnects, afterUnmount, afterMounts, listenersBefore, listenersMounted, listenersAfterCycles, leftOnCreatedClients }));

    // Same provider, same client: its listeners are the provider's, not 200 times over.
    // 200 connect/disconnect cycles end where one cycle ends: nothing accumulates.
    expect(afterConnects).toEqual(afterOne);
    expect(afterConnects.kitTracks).toBe(0);
    // Unmounted: back to where the page started.
    expect(afterUnmount).toEqual(start);
    expect(afterMounts).toEqual(start);
    expect(leftOnCreatedClients).toBe(0);
    expect(listenersMounted).toBeGreaterThan(listenersBefore);
    expect(listenersAfterCycles).toBe(listenersMounted);
  });
});
