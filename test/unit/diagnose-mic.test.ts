import { afterEach, describe, expect, it, vi } from "vitest";
import { diagnoseMic } from "../../src/audio/diagnoseMic";

const saved = {
  media: Object.getOwnPropertyDescriptor(globalThis.navigator, "mediaDevices"),
  permissions: Object.getOwnPropertyDescriptor(globalThis.navigator, "permissions"),
};
function restore(key: "mediaDevices" | "permissions", d: PropertyDescriptor | undefined): void {
  if (d) Object.defineProperty(globalThis.navigator, key, d);
  else delete (globalThis.navigator as unknown as Record<string, unknown>)[key];
}
afterEach(() => {
  restore("mediaDevices", saved.media);
  restore("permissions", saved.permissions);
});

function browser(permission: "granted" | "denied" | "prompt" | "unsupported" | "throws", inputs = 1) {
  const stop = vi.fn();
  const getUserMedia = vi.fn(async () => ({ getTracks: () => [{ stop }] }));
  const enumerateDevices = vi.fn(async () => Array.from({ length: inputs }, (_, i) => ({ kind: "audioinput", deviceId: `m${i}` })));
  Object.defineProperty(globalThis.navigator, "mediaDevices", { value: { getUserMedia, enumerateDevices }, configurable: true });
  const query = vi.fn(async () => {
    if (permission === "throws") throw new TypeError("'microphone' is not a valid PermissionName");
    return { state: permission };
  });
  Object.defineProperty(globalThis.navigator, "permissions", { value: permission === "unsupported" ? undefined : { query }, configurable: true });
  return { getUserMedia, query, stop };
}

describe("diagnoseMic asks the Permissions API before it would ever prompt", () => {
  it("denied: says so without calling getUserMedia", async () => {
    const b = browser("denied");
    expect(await diagnoseMic()).toMatchObject({ problem: "denied" });
    expect(b.query).toHaveBeenCalledWith({ name: "microphone" });
    expect(b.getUserMedia).not.toHaveBeenCalled();
  });

  it("prompt: the user has not decided, so no second prompt and nothing to report", async () => {
    const b = browser("prompt");
    expect(await diagnoseMic()).toBeNull();
    expect(b.getUserMedia).not.toHaveBeenCalled();
  });

  it("granted: no microphone in the device list is 'no-device', read without getUserMedia", async () => {
    const none = browser("granted", 0);
    expect(await diagnoseMic()).toMatchObject({ problem: "no-device" });
    expect(none.getUserMedia).not.toHaveBeenCalled();
    const one = browser("granted", 1);
    expect(await diagnoseMic()).toBeNull();
    expect(one.getUserMedia).not.toHaveBeenCalled();
  });

  it.each(["unsupported", "throws"] as const)("probes with getUserMedia only when the Permissions API cannot answer (%s)", async (kind) => {
    const b = browser(kind);
    expect(await diagnoseMic()).toBeNull();
    expect(b.getUserMedia).toHaveBeenCalledTimes(1);
    expect(b.stop).toHaveBeenCalledTimes(1);
  });
});
