import { RTVIEvent, type PipecatClient } from "@pipecat-ai/client-js";
import { problemOfDeviceError, type MicProblem } from "../audio/diagnoseMic";
import type { Session } from "./createSession";
import { deviceOptions, listenTo } from "./listen";
import type { DeviceOption, MicStatus } from "./sessionState";

/** The camera's permission and hardware state: the same words as the microphone's. */
export type CameraStatus = MicStatus;

/** What a session knows about video: the camera, the screen share and the bot's video. */
export interface VideoState {
  /** The camera is asked to send (it may still be starting). */
  readonly camEnabled: boolean;
  readonly camStatus: CameraStatus;
  /** A sentence for the user when the camera cannot be used, else null. */
  readonly camProblem: string | null;
  readonly cams: readonly DeviceOption[];
  readonly selectedCam: string | null;
  readonly localVideoTrack: MediaStreamTrack | null;
  readonly botVideoTrack: MediaStreamTrack | null;
  /** A screen share was asked for and its track has not arrived yet. */
  readonly screenStarting: boolean;
  readonly screenTrack: MediaStreamTrack | null;
  readonly screenProblem: string | null;
}

export function createVideoState(): VideoState {
  return {
    camEnabled: false,
    camStatus: "unknown",
    camProblem: null,
    cams: [],
    selectedCam: null,
    localVideoTrack: null,
    botVideoTrack: null,
    screenStarting: false,
    screenTrack: null,
    screenProblem: null,
  };
}

/** What the kit says when the camera cannot be used. */
export const CAMERA_PROBLEM_MESSAGES: Readonly<Record<MicProblem, string>> = {
  denied: "Camera access is blocked. Allow it in the browser's site settings, then try again.",
  "no-device": "No camera was found. Connect one and try again.",
  "in-use": "The camera is in use by another application.",
  error: "The camera could not be started.",
};

/** What the kit says where the browser or the transport cannot share a screen. */
export const SCREEN_SHARE_UNSUPPORTED = "Screen sharing is not supported here.";

/** Whether this browser can share a screen at all (false during SSR and in jsdom). */
export function canShareScreen(): boolean {
  return typeof navigator !== "undefined" && typeof navigator.mediaDevices?.getDisplayMedia === "function";
}

/** Merges a patch; the same object when nothing changed, so subscribers do not re-render. */
export function reduceVideo<S extends VideoState>(state: S, patch: Partial<VideoState>): S {
  let changed = false;
  for (const key of Object.keys(patch) as Array<keyof VideoState>) if (patch[key] !== undefined && patch[key] !== state[key]) changed = true;
  if (!changed) return state;
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return { ...state, ...defined };
}

const CAM_STATUS: Record<string, CameraStatus> = {
  blocked: "denied",
  "already-in-use": "in-use",
  "not-found": "no-device",
};

/**
 * Subscribes a session to a client's video events: camera and screen tracks (local and the
 * bot's), cameras, camera errors. A local track that ends by itself (the browser's "Stop
 * sharing" bar, a camera unplugged) is cleared at once, since transports do not all report it.
 * The returned teardown removes every listener.
 */
export function bindVideo(session: Session, client: PipecatClient): () => void {
  const { dispatch } = session;
  const set = (patch: Partial<VideoState>): void => dispatch({ type: "video", patch });
  const offs: Array<() => void> = [];
  let bound = true;
  const on = listenTo(client, offs);
  const watched = new Map<MediaStreamTrack, () => void>();
  const unwatch = (t: MediaStreamTrack | null): void => {
    const off = t ? watched.get(t) : undefined;
    if (t && off) {
      off();
      watched.delete(t);
    }
  };
  const watch = (t: MediaStreamTrack, onEnded: () => void): void => {
    if (watched.has(t) || typeof t.addEventListener !== "function") return;
    t.addEventListener("ended", onEnded);
    watched.set(t, () => t.removeEventListener("ended", onEnded));
  };
  const current = () => session.store.getState() as unknown as VideoState;
  const safely = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      return fallback;
    }
  };

  const camTrack = (t: MediaStreamTrack | null): void => {
    const prev = current().localVideoTrack;
    if (prev && prev !== t) unwatch(prev);
    if (t) {
      watch(t, () => {
        if (current().localVideoTrack !== t) return;
        camTrack(null);
        set({ camEnabled: false });
      });
      set({ localVideoTrack: t, camStatus: "granted", camProblem: null });
    } else {
      dispatch({ type: "video", patch: { localVideoTrack: null } });
    }
  };
  const screen = (t: MediaStreamTrack | null): void => {
    const prev = current().screenTrack;
    if (prev && prev !== t) unwatch(prev);
    if (t) {
      watch(t, () => current().screenTrack === t && screen(null));
      set({ screenTrack: t, screenStarting: false, screenProblem: null });
    } else {
      set({ screenTrack: null, screenStarting: false });
    }
  };
  const isLocal = (t: MediaStreamTrack, p?: { local?: boolean }): boolean =>
    typeof p?.local === "boolean" ? p.local : safely(() => client.tracks().local.video === t, false);

  // Tracks that started before this binding (a remount, StrictMode's second effect).
  const known = safely(() => client.tracks(), null);
  const prior = current();
  set({ camEnabled: safely(() => client.isCamEnabled, prior.camEnabled) });
  const seed = (t: MediaStreamTrack | null | undefined): MediaStreamTrack | null => (t && t.readyState !== "ended" ? t : null);
  const cam0 = seed(known?.local.video ?? prior.localVideoTrack);
  const screen0 = seed(known?.local.screenVideo ?? prior.screenTrack);
  if (cam0) camTrack(cam0);
  if (screen0) screen(screen0);
  const bot0 = seed(known?.bot?.video ?? prior.botVideoTrack);
  if (bot0) set({ botVideoTrack: bot0 });

  on(RTVIEvent.TrackStarted, (t: MediaStreamTrack, p?: { local?: boolean }) => {
    if (t?.kind !== "video") return;
    if (isLocal(t, p)) camTrack(t);
    else set({ botVideoTrack: t });
  });
  on(RTVIEvent.TrackStopped, (t: MediaStreamTrack, p?: { local?: boolean }) => {
    if (t?.kind !== "video") return;
    const s = current();
    if (s.localVideoTrack === t || (isLocal(t, p) && s.localVideoTrack)) camTrack(null);
    else if (s.botVideoTrack === t) dispatch({ type: "video", patch: { botVideoTrack: null } });
  });
  on(RTVIEvent.ScreenTrackStarted, (t: MediaStreamTrack, p?: { local?: boolean }) => {
    if (t?.kind === "video" && p?.local !== false) screen(t);
  });
  on(RTVIEvent.ScreenTrackStopped, (t: MediaStreamTrack) => {
    if (t?.kind === "video" && current().screenTrack === t) screen(null);
  });
  on(RTVIEvent.ScreenShareError, (message: string) => {
    const text = typeof message === "string" && message ? message : "The screen could not be shared.";
    set({ screenStarting: false, screenProblem: text });
    dispatch({ type: "error", message: text, fatal: false, source: "device" });
  });
  on(RTVIEvent.UnsupportedFeature, (err: { feature?: string }) => {
    const feature = String(err?.feature ?? "");
    if (/screen/i.test(feature)) set({ screenStarting: false, screenProblem: SCREEN_SHARE_UNSUPPORTED });
    else if (/cam/i.test(feature)) set({ camEnabled: false, camStatus: "error", camProblem: "This connection cannot send video." });
  });
  on(RTVIEvent.AvailableCamsUpdated, (cams: MediaDeviceInfo[]) => set({ cams: deviceOptions(cams) }));
  on(RTVIEvent.CamUpdated, (cam: MediaDeviceInfo) => dispatch({ type: "video", patch: { selectedCam: cam?.deviceId || null } }));
  on(RTVIEvent.MediaStateUpdated, (state: PipecatClient["mediaState"]) => {
    const cam = state?.cam;
    if (!cam || cam.state !== "error") {
      if (cam?.state === "granted") set({ camStatus: "granted", camProblem: null });
      return;
    }
    const status = CAM_STATUS[cam.reason] ?? "error";
    set({ camStatus: status, camProblem: CAMERA_PROBLEM_MESSAGES[status as MicProblem] });
  });
  on(RTVIEvent.DeviceError, (err: { type?: string; message?: string; devices?: readonly string[]; details?: { sourceError?: unknown } }) => {
    if (!err?.devices?.includes("cam")) return;
    const problem = problemOfDeviceError(err);
    set({ camStatus: problem, camProblem: CAMERA_PROBLEM_MESSAGES[problem], camEnabled: false });
    dispatch({ type: "error", message: CAMERA_PROBLEM_MESSAGES[problem], fatal: false, source: "device" });
  });
  on(RTVIEvent.TransportStateChanged, (state: PipecatClient["state"]) => {
    if (state !== "disconnected" && state !== "error") return;
    // Transports do not all report their local tracks stopped on hang-up.
    camTrack(null);
    screen(null);
    dispatch({ type: "video", patch: { botVideoTrack: null } });
  });

  const listCams = (): void =>
    void client.getAllCams().then(
      (cams) => bound && set({ cams: deviceOptions(cams) }),
      () => undefined,
    );
  const cam = safely(() => client.selectedCam as Partial<MediaDeviceInfo>, {});
  if (cam?.deviceId) set({ selectedCam: cam.deviceId });
  if (client.state !== "disconnected") listCams();
  // No devicechange listener of its own (one per binding, in bindClient): transports report
  // plugged cameras (AvailableCamsUpdated), and refreshDevices lists them with the mics.

  return () => {
    bound = false;
    for (const off of offs.splice(0)) off();
    for (const off of watched.values()) off();
    watched.clear();
  };
}
