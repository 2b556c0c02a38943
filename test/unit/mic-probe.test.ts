import { waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bindClient, createSession } from "../../src";
import { scriptedClient } from "../support/session";
import { READY } from "./components/helpers";

// The silent-mic path of bindClient: connected with the mic on, no track and no device error
// (a media manager swallowed the failure), the kit probes and says why.
const media = (globalThis.navigator as { mediaDevices?: unknown }).mediaDevices;
const permissions = (globalThis.navigator as { permissions?: unknown }).permissions;
afterEach(() => {
  Object.defineProperty(globalThis.navigator, "permissions", { value: permissions, configurable: true });
  Object.defineProperty(globalThis.navigator, "mediaDevices", { value: media, configurable: true });
});

describe("a connected call with the mic on and no mic track", () => {
  it("probes and records what the browser says (denied)", async () => {
    // No Permissions API answer (client-js's own check stays silent), so the probe asks getUserMedia.
    const denied = Object.assign(new Error("Permission denied"), { name: "NotAllowedError" });
    const getUserMedia = vi.fn(async () => Promise.reject(denied));
    Object.defineProperty(globalThis.navigator, "mediaDevices", { value: { getUserMedia, enumerateDevices: vi.fn(async () => []) }, configurable: true });
    Object.defineProperty(globalThis.navigator, "permissions", { value: { query: vi.fn(async () => Promise.reject(new TypeError("unsupported"))) }, configurable: true });
    const { client, transport } = scriptedClient(READY);
    // Like WavMediaManager, the transport swallows its first getUserMedia failure: no DeviceError, no track.
    vi.spyOn(transport, "initDevices").mockImplementation(async () => undefined);
    const session = createSession();
    const off = bindClient(session, client);
    await client.connect();
    await waitFor(() => expect(session.store.getState().micStatus).toBe("denied"));
    expect(getUserMedia).toHaveBeenCalledOnce();
    expect(session.store.getState().micStatusDetail).toMatch(/Microphone access is blocked/);
    expect(session.store.getState().lastError?.message).toMatch(/Microphone access is blocked/);
    off();
    await client.disconnect();
  });
});
