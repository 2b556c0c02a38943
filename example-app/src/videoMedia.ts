import { DeviceError, type RTVIEventCallbacks, type Tracks } from "@pipecat-ai/client-js";
import { SmallWebRTCTransport, WavMediaManager } from "@pipecat-ai/small-webrtc-transport";

const LOCAL = { id: "local", name: "", local: true };
type Callbacks = Partial<RTVIEventCallbacks>;
/** What this file needs of SmallWebRTCTransport beyond its public types (its transceivers, in SmallWebRTC's fixed order). */
type Transceivers = { getVideoTransceiver(): RTCRtpTransceiver | undefined; getScreenVideoTransceiver(): RTCRtpTransceiver | undefined; pc: RTCPeerConnection | null };

/** getUserMedia's error names, in client-js's device error types. */
function deviceErrorType(e: unknown): "permissions" | "not-found" | "in-use" | "constraints" | "unknown" {
  const name = e instanceof DOMException ? e.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "permissions";
  if (name === "NotFoundError") return "not-found";
  if (name === "NotReadableError") return "in-use";
  if (name === "OverconstrainedError") return "constraints";
  return "unknown";
}

/**
 * The example's media manager: WavMediaManager's audio (no CDN script) plus a camera and a
 * screen share, which it does not have. Tracks go onto SmallWebRTC's second (camera) and third
 * (screen) transceivers with `replaceTrack`, so turning them on or off needs no renegotiation;
 * turning one off stops its track, so the camera light goes out.
 */
// WavMediaManager's types come from a package not installed here, so its methods are untyped: no `override`.
export class VideoMediaManager extends WavMediaManager {
  private cam: MediaStreamTrack | null = null;
  private screen: MediaStreamTrack | null = null;
  private camOn = false;
  private camDevice: MediaDeviceInfo | Record<string, never> = {};
  private transport: Transceivers | null = null;

  constructor() {
    super();
    // The base class reads this to add the screen transceiver to the offer.
    (this as unknown as { _supportsScreenShare: boolean })._supportsScreenShare = true;
  }

  private get cb(): Callbacks {
    return ((this as unknown as { _callbacks?: Callbacks })._callbacks ?? {}) as Callbacks;
  }

  /** The transport whose transceivers carry the video. */
  attach(transport: SmallWebRTCTransport): void {
    this.transport = transport as unknown as Transceivers;
  }

  setClientOptions(options: { enableCam?: boolean }, override?: boolean): void {
    super.setClientOptions(options, override);
    this.camOn = options.enableCam ?? false;
  }

  async connect(): Promise<void> {
    await super.connect();
    if (this.camOn && !this.cam) await this.startCam();
  }

  async disconnect(): Promise<void> {
    this.stopCam();
    this.stopScreen();
    await super.disconnect();
  }

  getAllCams(): Promise<MediaDeviceInfo[]> {
    return navigator.mediaDevices.enumerateDevices().then((l) => l.filter((d) => d.kind === "videoinput"));
  }

  updateCam(camId: string): void {
    void this.getAllCams().then((cams) => {
      const found = cams.find((c) => c.deviceId === camId);
      if (!found) return;
      this.camDevice = found;
      this.cb.onCamUpdated?.(found);
      if (this.cam) {
        this.stopCam();
        void this.startCam();
      }
    });
  }

  get selectedCam(): MediaDeviceInfo | Record<string, never> {
    return this.camDevice;
  }

  enableCam(enable: boolean): void {
    this.camOn = enable;
    if (enable) void this.startCam();
    else this.stopCam();
  }

  get isCamEnabled(): boolean {
    return this.camOn;
  }

  enableScreenShare(enable: boolean): void {
    if (enable) void this.startScreen();
    else this.stopScreen();
  }

  get isSharingScreen(): boolean {
    return this.screen !== null;
  }

  tracks(): Tracks {
    const base = super.tracks() as Tracks;
    return { ...base, local: { ...base.local, video: this.cam ?? undefined, screenVideo: this.screen ?? undefined } };
  }

  private send(which: "camera" | "screen", track: MediaStreamTrack | null): void {
    const t = this.transport;
    if (!t?.pc) return; // not connected: the transport adds tracks() when it connects
    const tr = which === "camera" ? t.getVideoTransceiver() : t.getScreenVideoTransceiver();
    void tr?.sender.replaceTrack(track).catch(() => undefined);
  }

  private async startCam(): Promise<void> {
    if (this.cam) return;
    const id = this.camDevice.deviceId;
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: id ? { deviceId: { exact: id } } : { width: { ideal: 640 }, height: { ideal: 480 } } });
      const track = stream.getVideoTracks()[0];
      if (!track) return;
      // Turned off (or hung up) while the browser was asking: do not keep the camera.
      if (!this.camOn) return track.stop();
      this.cam = track;
      track.addEventListener("ended", () => this.cam === track && this.stopCam());
      this.send("camera", track);
      const device = (await this.getAllCams()).find((c) => c.label === track.label);
      if (device && device.deviceId !== this.camDevice.deviceId) {
        this.camDevice = device;
        this.cb.onCamUpdated?.(device);
      }
      this.cb.onTrackStarted?.(track, LOCAL);
    } catch (e) {
      this.camOn = false;
      this.cb.onDeviceError?.(new DeviceError(["cam"], deviceErrorType(e), e instanceof Error ? e.message : String(e)));
    }
  }

  private stopCam(): void {
    const track = this.cam;
    if (!track) return;
    this.cam = null;
    track.stop();
    this.send("camera", null);
    this.cb.onTrackStopped?.(track, LOCAL);
  }

  private async startScreen(): Promise<void> {
    if (this.screen) return;
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 5 } }, audio: false });
      const track = stream.getVideoTracks()[0];
      if (!track) return;
      this.screen = track;
      // The browser's own "Stop sharing" ends the track.
      track.addEventListener("ended", () => this.screen === track && this.stopScreen());
      this.send("screen", track);
      this.cb.onScreenTrackStarted?.(track, LOCAL);
    } catch (e) {
      this.cb.onScreenShareError?.(e instanceof DOMException && e.name === "NotAllowedError" ? "Screen sharing was cancelled or blocked." : e instanceof Error ? e.message : String(e));
    }
  }

  private stopScreen(): void {
    const track = this.screen;
    if (!track) return;
    this.screen = null;
    track.stop();
    this.send("screen", null);
    this.cb.onScreenTrackStopped?.(track, LOCAL);
  }
}

/** SmallWebRTC with camera and screen share, its media manager wired to its transceivers. */
export function videoWebRTCTransport(): SmallWebRTCTransport {
  const media = new VideoMediaManager();
  const transport = new SmallWebRTCTransport({ mediaManager: media });
  media.attach(transport);
  return transport;
}
