/** A stand-in for a camera or screen track in jsdom, which has no media capture. */
export class FakeVideoTrack extends EventTarget {
  readonly kind = "video";
  readonly id: string;
  readyState: MediaStreamTrackState = "live";
  enabled = true;
  static made = 0;
  constructor(readonly label = "fake") {
    super();
    this.id = `${label}-${++FakeVideoTrack.made}`;
  }
  stop(): void {
    this.readyState = "ended";
  }
  /** What a browser does when the user stops a share from its own bar. */
  endByBrowser(): void {
    this.readyState = "ended";
    this.dispatchEvent(new Event("ended"));
  }
}

export const asTrack = (t: FakeVideoTrack): MediaStreamTrack => t as unknown as MediaStreamTrack;

/** jsdom has no MediaStream: enough of one for `srcObject`. */
export class FakeMediaStream {
  constructor(readonly tracks: MediaStreamTrack[]) {}
  getTracks(): MediaStreamTrack[] {
    return this.tracks;
  }
}

/** Gives jsdom the media APIs the components look for; returns the undo. */
export function installMedia(opts: { camera?: boolean; screen?: boolean } = {}): () => void {
  const g = globalThis as { MediaStream?: unknown };
  const hadStream = "MediaStream" in g;
  const prevStream = g.MediaStream;
  g.MediaStream = FakeMediaStream;
  const media: Record<string, unknown> = {};
  if (opts.camera !== false) media.getUserMedia = () => Promise.reject(new Error("not used"));
  if (opts.screen !== false) media.getDisplayMedia = () => Promise.reject(new Error("not used"));
  const prev = Object.getOwnPropertyDescriptor(navigator, "mediaDevices");
  Object.defineProperty(navigator, "mediaDevices", { value: media, configurable: true });
  return () => {
    if (prev) Object.defineProperty(navigator, "mediaDevices", prev);
    else delete (navigator as { mediaDevices?: unknown }).mediaDevices;
    if (hadStream) g.MediaStream = prevStream;
    else delete g.MediaStream;
  };
}
