import { RTVIEvent } from "@pipecat-ai/client-js";
import { act, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bindClient, createSession, RTVIClientProvider, useCamera } from "../../src";
import { scriptedClient } from "../support/session";
import { READY } from "./components/helpers";
import { FakeVideoTrack, asTrack, installMedia } from "./components/videoFakes";

// Video is bound to the client only once something asks for it (issue 17: an app without
// video does not bundle nor run store/video.ts), and then sees what happened before.
let undo: () => void = () => undefined;
beforeEach(() => {
  undo = installMedia();
});
afterEach(() => undo());

function videoClient() {
  const made: FakeVideoTrack[] = [];
  const { client } = scriptedClient(READY, {
    speed: Infinity,
    video: {
      camera: () => {
        const t = new FakeVideoTrack("cam");
        made.push(t);
        return asTrack(t);
      },
    },
  });
  return { client, made };
}

const screenListeners = (client: { listenerCount(e: string): number }): number => client.listenerCount(RTVIEvent.ScreenTrackStarted);

function Camera() {
  const cam = useCamera();
  return <output aria-label="camera">{cam.track ? (cam.track as unknown as { id: string }).id : "none"}</output>;
}

function App() {
  const [shown, show] = useState(false);
  return (
    <>
      <button onClick={() => show(true)}>show camera</button>
      {shown && <Camera />}
    </>
  );
}

describe("video binding", () => {
  it("is not bound until a video hook mounts, then picks up a camera that started before", async () => {
    const { client, made } = videoClient();
    render(
      <RTVIClientProvider client={client}>
        <App />
      </RTVIClientProvider>,
    );
    await act(() => client.connect());
    expect(screenListeners(client)).toBe(0);
    await act(() => client.enableCam(true));
    expect(made).toHaveLength(1);

    await act(async () => screen.getByRole("button", { name: "show camera" }).click());
    expect(screenListeners(client)).toBe(1);
    expect(screen.getByRole("status", { name: "camera" })).toHaveTextContent(made[0]?.id ?? "?");
    await act(() => client.disconnect());
    expect(screen.getByRole("status", { name: "camera" })).toHaveTextContent("none");
  });

  it("stays bound when the component that asked unmounts, and is unbound with the provider", async () => {
    const { client } = videoClient();
    const view = render(
      <RTVIClientProvider client={client}>
        <Camera />
      </RTVIClientProvider>,
    );
    expect(screenListeners(client)).toBe(1);
    view.rerender(<RTVIClientProvider client={client}>{null}</RTVIClientProvider>);
    expect(screenListeners(client)).toBe(1);
    view.unmount();
    expect(screenListeners(client)).toBe(0);
  });

  it("bindClient without React binds video as before", async () => {
    const { client, made } = videoClient();
    const session = createSession();
    const off = bindClient(session, client);
    expect(screenListeners(client)).toBe(1);
    await client.connect();
    await client.enableCam(true);
    expect(session.store.getState().localVideoTrack).toBe(made[0]);
    off();
    expect(screenListeners(client)).toBe(0);
    await client.disconnect();
  });
});
