import { PipecatClient } from "@pipecat-ai/client-js";
import { describe, expect, it } from "vitest";
import { bindClient, createSession } from "../../src";
import { ScriptedTransport } from "../../src/testing";

type Callbacks = { onTrackStarted(t: MediaStreamTrack, p?: { local: boolean }): void; onTrackStopped(t: MediaStreamTrack, p?: { local: boolean }): void };
const fakeTrack = (id: string) => ({ id, kind: "audio", readyState: "live" }) as unknown as MediaStreamTrack;

describe("bindClient routes audio tracks", () => {
  it("treats a track without a participant (SmallWebRTC's bot track) as the bot's, unless it is the client's own mic", () => {
    const mic = fakeTrack("mic");
    const transport = new ScriptedTransport({ events: [] }, { tracks: { local: mic } });
    const client = new PipecatClient({ transport });
    const session = createSession();
    const unbind = bindClient(session, client);
    const callbacks = (client as unknown as { _options: { callbacks: Callbacks } })._options.callbacks;
    const bot = fakeTrack("bot");
    callbacks.onTrackStarted(bot);
    callbacks.onTrackStarted(mic);
    expect(session.store.getState().botTrack).toBe(bot);
    expect(session.store.getState().localTrack).toBe(mic);
    callbacks.onTrackStopped(bot);
    expect(session.store.getState().botTrack).toBeNull();
    unbind();
  });

  it("re-binding (remount, StrictMode) keeps tracks that started before", () => {
    const session = createSession();
    const client = new PipecatClient({ transport: new ScriptedTransport({ events: [] }) });
    const unbind = bindClient(session, client);
    const bot = fakeTrack("bot");
    (client as unknown as { _options: { callbacks: Callbacks } })._options.callbacks.onTrackStarted(bot, { local: false });
    unbind();
    const again = bindClient(session, client);
    expect(session.store.getState().botTrack).toBe(bot);
    again();
  });
});

import { problemOfDeviceError } from "../../src/audio/diagnoseMic";

describe("microphone problems in words", () => {
  it("reads the browser's own error when a transport reports type 'unknown'", () => {
    const denied = { type: "unknown", message: "x", details: { sourceError: new DOMException("Permission denied", "NotAllowedError") } };
    expect(problemOfDeviceError(denied)).toBe("denied");
    expect(problemOfDeviceError({ type: "unknown", details: { sourceError: { name: "NotFoundError" } } })).toBe("no-device");
    expect(problemOfDeviceError({ type: "unknown", message: "Microphone access denied" })).toBe("denied");
    expect(problemOfDeviceError({ type: "permissions" })).toBe("denied");
    expect(problemOfDeviceError({ type: "in-use" })).toBe("in-use");
    expect(problemOfDeviceError({ type: "unknown" })).toBe("error");
  });
});
