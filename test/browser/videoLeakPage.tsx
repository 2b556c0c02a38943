// A page for the video leak test: camera and screen tiles on ScriptedTransport, whose camera
// is a real canvas capture track each time it is turned on.
import { PipecatClient } from "@pipecat-ai/client-js";
import { createRoot, type Root } from "react-dom/client";
import { CameraToggle, RTVIClientProvider, ScreenShareToggle, VideoTile } from "../../src";
import { ScriptedTransport } from "../../src/testing";
import { frames, mountCycles, publish } from "./pageKit";

const script = { events: [{ at: 0, message: { label: "rtvi-ai", type: "bot-ready", data: { version: "2.1.0" } } }] };
const clients: PipecatClient[] = [];
const newClient = (): PipecatClient => {
  const c = new PipecatClient({ transport: new ScriptedTransport(script, { speed: 50 }) });
  clients.push(c);
  return c;
};

// Every video track any canvas hands out, to count those still live.
const made: MediaStreamTrack[] = [];
const capture = HTMLCanvasElement.prototype.captureStream;
HTMLCanvasElement.prototype.captureStream = function (this: HTMLCanvasElement, fps?: number) {
  const s = capture.call(this, fps);
  made.push(...s.getVideoTracks());
  return s;
};

function Ui() {
  return (
    <>
      <CameraToggle />
      <ScreenShareToggle />
      <VideoTile source="camera" />
      <VideoTile source="screen" />
    </>
  );
}

const host = document.getElementById("root") as HTMLElement;
let root: Root | null = null;
let client: PipecatClient | null = null;

const api = {
  snapshot() {
    const videos = [...document.querySelectorAll("video")];
    return {
      liveVideoTracks: made.filter((t) => t.readyState === "live").length,
      tracksMade: made.length,
      videoElements: videos.length,
      videosWithStream: videos.filter((v) => v.srcObject !== null).length,
      elements: document.getElementsByTagName("*").length,
      intervals: (window as unknown as { __snapshot(): { intervals: number } }).__snapshot().intervals,
    };
  },
  async mount(): Promise<void> {
    client = newClient();
    root = createRoot(host);
    root.render(<RTVIClientProvider client={client}><Ui /></RTVIClientProvider>);
    await frames(2);
    await client.connect();
    await frames(2);
  },
  /** Camera and screen on, a frame shown, off again, `n` times. */
  async cameraCycles(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      client!.enableCam(true);
      client!.enableScreenShare(true);
      await frames(2);
      client!.enableCam(false);
      client!.enableScreenShare(false);
      await frames(1);
    }
    await frames(3);
  },
  async unmount(): Promise<void> {
    await client?.disconnect();
    root?.unmount();
    root = null;
    await frames(3);
  },
  /** Mount, connect, camera on, unmount (the provider's own client hangs up), `n` times. */
  async mountCycles(n: number): Promise<void> {
    await mountCycles(host, n, Ui, newClient, async (c) => {
      c?.enableCam(true);
      await frames(2);
    });
  },
};
publish(api);
