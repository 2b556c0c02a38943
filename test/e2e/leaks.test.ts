import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLeakPage, type LeakPage } from "./leakPage";

type Snapshot = { audioContexts: number; sourceNodes: number; intervals: number; rafLoops: number; kitTracks: number };
type LeakApi = { mountWith(): Promise<number>; connectCycles(n: number): Promise<number>; unmount(): Promise<void>; mountCycles(n: number): Promise<number> };

let leak: LeakPage<LeakApi>;
let page: Page;
const read = (): Promise<Snapshot> => page.evaluate(() => (window as unknown as { __snapshot(): Snapshot }).__snapshot());
// Visualizers animate their bars down to rest and then stop their loop: a loop that never
// stops is the leak, so wait for rest (bounded) before each reading.
async function snapshot(): Promise<Snapshot> {
  await page.waitForFunction(() => (window as unknown as { __snapshot(): Snapshot }).__snapshot().rafLoops === 0, null, { timeout: 10_000 });
  return read();
}
const call: LeakPage<LeakApi>["call"] = (name, ...args) => leak.call(name, ...args);

beforeAll(async () => {
  leak = await openLeakPage<LeakApi>("test/browser/leakPage.tsx");
  page = leak.page;
});
afterAll(async () => leak?.browser.close());

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
