import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, launch } from "./harness";

type Snapshot = { liveVideoTracks: number; tracksMade: number; videoElements: number; videosWithStream: number; elements: number; intervals: number };
type Api = { snapshot(): Snapshot; mount(): Promise<void>; cameraCycles(n: number): Promise<void>; unmount(): Promise<void>; mountCycles(n: number): Promise<void> };

let browser: Browser;
let page: Page;
const call = <K extends keyof Api>(name: K, ...args: Parameters<Api[K]>) =>
  page.evaluate(([n, a]) => (window as unknown as { leakApi: Record<string, (...x: unknown[]) => unknown> }).leakApi[n as string]?.(...(a as unknown[])), [name, args] as const) as Promise<Awaited<ReturnType<Api[K]>>>;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(ROOT, "test/browser/videoLeakPage.tsx")],
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

describe("video lifecycles leave nothing behind (Chromium, canvas capture tracks)", () => {
  it("200 camera and screen on/off cycles and 200 mount/unmount cycles: no live video track, no extra element", async () => {
    const start = await call("snapshot");
    await call("mount");
    const mounted = await call("snapshot");
    await call("cameraCycles", 1);
    const afterOne = await call("snapshot");
    await call("cameraCycles", 199);
    const afterCycles = await call("snapshot");
    await call("unmount");
    const afterUnmount = await call("snapshot");
    await call("mountCycles", 200);
    const afterMounts = await call("snapshot");
    console.log(JSON.stringify({ start, mounted, afterOne, afterCycles, afterUnmount, afterMounts }));

    // Two tracks (camera, screen) made per cycle, every one of them ended.
    expect(afterCycles.tracksMade - mounted.tracksMade).toBe(400);
    expect(afterCycles.liveVideoTracks).toBe(0);
    expect(afterCycles.videosWithStream).toBe(0);
    expect(afterCycles).toEqual({ ...afterOne, tracksMade: afterCycles.tracksMade });
    expect(mounted.videoElements).toBe(2);
    // Unmounted, and after 200 mounts with the camera on: no track, element or timer left.
    const rest = (s: Snapshot) => ({ ...s, tracksMade: 0 });
    expect(rest(afterUnmount)).toEqual(rest(start));
    expect(afterMounts.tracksMade - afterUnmount.tracksMade).toBe(200);
    expect(rest(afterMounts)).toEqual(rest(start));
  });
});
