import { RTVIEvent, type PipecatClient } from "@pipecat-ai/client-js";
import { MIC_PROBLEM_MESSAGES, diagnoseMic, problemOfDeviceError } from "../audio/diagnoseMic";
import type { MicStatus } from "./sessionState";
import type { Session } from "./createSession";
import { deviceOptions, listenTo } from "./listen";
import { tapClient } from "./clientTap";
import { bindVideo } from "./video";

/** Options for {@link bindClient}. */
export interface BindOptions {
  /**
   * Disconnect when the bot reports a fatal error (default true). `false` keeps the call up
   * and the error shown; it is read at each error, so the object may be updated in place.
   * With several sessions on one client the call stays up only if all of them say `false`;
   * on a transport whose message path cannot be read (see {@link bindClient}) client-js
   * always disconnects.
   */
  disconnectOnFatalError?: boolean;
}


const MIC_STATUS: Record<string, MicStatus> = {
  blocked: "denied",
  "already-in-use": "in-use",
  "not-found": "no-device",
  "invalid-constraints": "error",
  "not-supported": "error",
  unknown: "error",
};

/**
 * Subscribes a session to a client, once: every listener registered here is removed by the
 * returned teardown, and nothing reaches the session after it. RTVI messages are read from
 * the transport's message path (patched once per client, however many sessions bind), so
 * types client-js has no event for (`bot-interrupted`) still reach the transcript. If a
 * transport does not expose that path, the client's events are used instead
 * (`state.messageRoute` says "events"): `bot-interrupted` then falls back to "user speech
 * while the bot speaks", and a fatal bot error always ends the call.
 */
export function bindClient(session: Session, client: PipecatClient, options: BindOptions = {}): () => void {
  // Without React no hook asks for video, so the whole binding is wanted.
  session.features.use(bindVideo);
  return bindSession(session, client, options);
}

/**
 * {@link bindClient} without the optional features: the provider's binding, where video is
 * bound only once a video hook mounts (`session.features`).
 */
export function bindSession(session: Session, client: PipecatClient, options: BindOptions = {}): () => void {
  const { dispatch, levels, meters } = session;
  const offs: Array<() => void> = [];
  let bound = true;
  // One loosely typed registration point: the handlers below state their own argument types.
  const on = listenTo(client, offs);
  // A bug of ours must never break the client's own message handling.
  const safe = (fn: () => void): void => {
    try {
      fn();
    } catch (e) {
      dispatch({ type: "error", message: `rtvi-react-kit: ${e instanceof Error ? e.message : String(e)}`, fatal: false, source: "transport" });
    }
  };
  const message = (m: unknown): void => safe(() => dispatch({ type: "message", message: m }));

  dispatch({ type: "transport-state", state: client.state });
  safe(() => dispatch({ type: "mic-enabled", enabled: client.isMicEnabled }));

  const tap = tapClient(client, {
    onMessage: message,
    keepCallOnFatal: () => options.disconnectOnFatalError === false,
  });
  offs.push(tap.unsubscribe);
  dispatch({ type: "message-route", route: tap.route });

  // Connected with the mic on but no mic track: find out why, so the UI can say it.
  const checkMic = (): void => {
    let hasTrack = false;
    try {
      hasTrack = client.tracks().local.audio?.readyState === "live";
    } catch {
      hasTrack = false;
    }
    // A granted mic or a reported error needs no probe; only the silent case does.
    const micState = client.mediaState?.mic?.state;
    if (hasTrack || !client.isMicEnabled || micState === "granted" || micState === "error") return;
    void diagnoseMic().then((d) => {
      if (!d || !bound) return;
      dispatch({ type: "mic-status", status: d.problem, detail: d.message });
      dispatch({ type: "error", message: d.message, fatal: false, source: "device" });
    });
  };
  on(RTVIEvent.TransportStateChanged, (state: PipecatClient["state"]) => {
    dispatch({ type: "transport-state", state });
    if (state === "ready") checkMic();
  });
  on(RTVIEvent.LocalAudioLevel, (level: number) => levels.mic.push(level, true));
  on(RTVIEvent.RemoteAudioLevel, (level: number) => levels.bot.push(level, true));
  // SmallWebRTC reports the bot's track with no participant at all, so a track counts as
  // local only when the participant says so or it is the client's own mic track.
  const isLocal = (t: MediaStreamTrack, p?: { local?: boolean }): boolean => {
    if (typeof p?.local === "boolean") return p.local;
    try {
      return client.tracks().local.audio === t;
    } catch {
      return false;
    }
  };
  const track = (started: boolean) => (t: MediaStreamTrack, p?: { local?: boolean }) => {
    if (t?.kind !== "audio") return;
    const source = isLocal(t, p) ? "local" : "bot";
    const value = started ? t : null;
    meters.setTrack(source, value);
    dispatch({ type: "track", source, track: value });
  };
  // Devices chosen before this binding: a child's mount effect may connect before the
  // provider's effect binds (effects run child-first), and those events are gone.
  try {
    const mic = client.selectedMic as Partial<MediaDeviceInfo>;
    const speaker = client.selectedSpeaker as Partial<MediaDeviceInfo>;
    dispatch({ type: "devices", selectedMic: mic?.deviceId || undefined, selectedSpeaker: speaker?.deviceId || undefined });
  } catch {
    // The transport is not initialized yet: its events will tell.
  }
  const listDevices = (): void =>
    void Promise.all([client.getAllMics(), client.getAllSpeakers()]).then(
      ([mics, speakers]) => bound && dispatch({ type: "devices", mics: deviceOptions(mics), speakers: deviceOptions(speakers) }),
      () => undefined,
    );
  if (client.state !== "disconnected") listDevices();
  // One devicechange listener per binding, however many components show devices.
  const media = typeof navigator !== "undefined" ? navigator.mediaDevices : undefined;
  if (typeof media?.addEventListener === "function") {
    media.addEventListener("devicechange", listDevices);
    offs.push(() => media.removeEventListener("devicechange", listDevices));
  }

  // Tracks that started before this binding (a remount, StrictMode's second effect).
  let known: ReturnType<PipecatClient["tracks"]> | null = null;
  try {
    known = client.tracks();
  } catch {
    known = null;
  }
  const prior = session.store.getState();
  const seedLocal = known?.local.audio ?? prior.localTrack;
  const seedBot = known?.bot?.audio ?? prior.botTrack;
  if (seedLocal && seedLocal.readyState !== "ended") track(true)(seedLocal, { local: true });
  if (seedBot && seedBot.readyState !== "ended") track(true)(seedBot, { local: false });
  on(RTVIEvent.TrackStarted, track(true));
  on(RTVIEvent.TrackStopped, track(false));
  on(RTVIEvent.AvailableMicsUpdated, (mics: MediaDeviceInfo[]) => dispatch({ type: "devices", mics: deviceOptions(mics) }));
  on(RTVIEvent.AvailableSpeakersUpdated, (s: MediaDeviceInfo[]) => dispatch({ type: "devices", speakers: deviceOptions(s) }));
  on(RTVIEvent.MicUpdated, (mic: MediaDeviceInfo) => dispatch({ type: "devices", selectedMic: mic?.deviceId || null }));
  on(RTVIEvent.SpeakerUpdated, (s: MediaDeviceInfo) => dispatch({ type: "devices", selectedSpeaker: s?.deviceId || null }));
  on(RTVIEvent.MediaStateUpdated, (state: PipecatClient["mediaState"]) => {
    const mic = state?.mic;
    if (!mic) return;
    const status: MicStatus = mic.state === "granted" ? "granted" : mic.state === "error" ? (MIC_STATUS[mic.reason] ?? "error") : "unknown";
    dispatch({ type: "mic-status", status, detail: null });
  });
  on(RTVIEvent.DeviceError, (err: { type?: string; message?: string; devices?: readonly string[]; details?: { sourceError?: unknown } }) => {
    if (!err?.devices?.includes("mic")) return;
    const problem = problemOfDeviceError(err);
    dispatch({ type: "mic-status", status: problem, detail: MIC_PROBLEM_MESSAGES[problem] });
    dispatch({ type: "error", message: MIC_PROBLEM_MESSAGES[problem], fatal: false, source: "device" });
  });

  offs.push(session.features.attach(session, client));

  return () => {
    bound = false;
    for (const off of offs.splice(0)) off();
    meters.setTrack("local", null);
    meters.setTrack("bot", null);
  };
}
