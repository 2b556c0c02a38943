import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLeakPage, type LeakPage } from "./leakPage";

type Snapshot = { liveVideoTracks: number; tracksMade: number; videoElements: number; videosWithStream: number; elements: number; intervals: number };
type Api = { snapshot(): Snapshot; mount(): Promise<void>; cameraCycles(n: number): Promise<void>; unmount(): Promise<void>; mountCycles(n: number): Promise<void> };

let leak: LeakPage<Api>;
const call: LeakPage<Api>["call"] = (name, ...args) => leak.call(name, ...args);

beforeAll(async () => {
  leak = await openLeakPage<Api>("test/browser/videoLeakPage.tsx");
});
afterAll(async () => leak?.browser.close());

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
