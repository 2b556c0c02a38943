import { useCallback, useEffect, useRef, useState } from "react";
import { MIC_PROBLEM_MESSAGES, problemOfMediaError, type MicProblem } from "../audio/diagnoseMic";
import { useRTVIContext } from "../provider/context";
import type { SessionActions } from "../store/actions";
import type { Session } from "../store/createSession";
import type { DeviceOption } from "../store/sessionState";

/** Options of {@link useMicTest}. */
export interface UseMicTestOptions {
  /** Open the microphone on mount (default true); otherwise call `start()` from a click. */
  autoStart?: boolean;
  /** The microphone to try first; default the browser's. */
  deviceId?: string;
}

/**
 * Where a microphone test is: not started, asking, measuring, stopped because a call
 * started (the call has the mic now), or why it cannot.
 */
export type MicTestState = "idle" | "starting" | "live" | "in-call" | MicProblem;

/** Result of {@link useMicTest}. */
export interface UseMicTestResult {
  readonly state: MicTestState;
  /** Why the microphone cannot be used, in words (for `denied`, `no-device`, `in-use`, `error`). */
  readonly message: string | null;
  /** The microphones, with labels once access is granted. */
  readonly devices: readonly DeviceOption[];
  /** The microphone being tested, and the one the call will use. */
  readonly deviceId: string | null;
  /** Opens the microphone (again); needs a user gesture on some browsers. */
  start(): Promise<void>;
  /** Releases the microphone. */
  stop(): void;
  /** Tests another microphone; the call will use it. */
  selectDevice(deviceId: string): Promise<void>;
}

const UNSUPPORTED = "This page cannot use a microphone: it needs https or localhost, and a browser with media support.";
const ENDED = new Set(["disconnected", "error"]);

const options = (list: readonly MediaDeviceInfo[]): DeviceOption[] =>
  list.filter((d) => d.kind === "audioinput").map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` }));

/**
 * Hands the chosen microphone to the call once the transport has its devices: it outlives
 * the component, which usually unmounts as the call starts.
 */
function carryIntoCall(session: Session, actions: SessionActions, deviceId: string): void {
  const off = session.store.subscribe((s) => {
    if (ENDED.has(s.transportState)) return off();
    if (s.transportState === "initializing") return;
    off();
    if (s.selectedMic !== deviceId) void actions.selectMic(deviceId).catch(() => undefined);
  });
}

/**
 * A microphone check before joining: opens the chosen microphone with getUserMedia and
 * feeds it to the provider's level bus (`useMicLevel(listener)` reads it, with no React
 * render per reading). The track is released on unmount and as soon as a call starts, and
 * the chosen microphone carries into the call (`client.updateMic`, shown by `useDevices`).
 * A denied or missing microphone is explained in `message`.
 */
export function useMicTest(opts: UseMicTestOptions = {}): UseMicTestResult {
  const { autoStart = true, deviceId: initial } = opts;
  const { session, actions } = useRTVIContext("useMicTest");
  const [state, setState] = useState<MicTestState>("idle");
  const [message, setMessage] = useState<string | null>(null);
  const [devices, setDevices] = useState<readonly DeviceOption[]>([]);
  const [deviceId, setDeviceId] = useState<string | null>(initial ?? null);
  const track = useRef<MediaStreamTrack | null>(null);
  // Only an explicit choice carries into the call: the browser's default needs no switch.
  const chosen = useRef<string | null>(initial ?? null);
  // Each start supersedes the previous: a late getUserMedia answer is stopped, never used.
  const attempt = useRef(0);

  const release = useCallback((): void => {
    attempt.current++;
    const t = track.current;
    track.current = null;
    if (!t) return;
    if (session.meters.track("local") === t) session.meters.setTrack("local", null);
    t.stop();
  }, [session]);

  const open = useCallback(
    async (id: string | null): Promise<void> => {
      release();
      const mine = attempt.current;
      if (!ENDED.has(session.store.getState().transportState)) return setState("in-call");
      const media = typeof navigator !== "undefined" ? navigator.mediaDevices : undefined;
      if (typeof media?.getUserMedia !== "function") {
        setState("error");
        setMessage(UNSUPPORTED);
        return;
      }
      setState("starting");
      setMessage(null);
      let stream: MediaStream;
      try {
        stream = await media.getUserMedia({ audio: id ? { deviceId: { exact: id } } : true });
      } catch (e) {
        if (mine !== attempt.current) return;
        const problem = problemOfMediaError(e);
        setState(problem);
        setMessage(MIC_PROBLEM_MESSAGES[problem]);
        return;
      }
      const t = stream.getAudioTracks()[0];
      for (const other of stream.getTracks()) if (other !== t) other.stop();
      if (mine !== attempt.current || !t) {
        t?.stop();
        if (mine === attempt.current) setState("no-device");
        return;
      }
      track.current = t;
      // The call's own track wins: measure ours only while there is none.
      if (!session.meters.track("local")) session.meters.setTrack("local", t);
      const used = t.getSettings?.().deviceId ?? id;
      setDeviceId(used ?? null);
      setState("live");
      try {
        const list = options(await media.enumerateDevices());
        if (mine === attempt.current) setDevices(list);
      } catch {
        // The list is optional: the test works without it.
      }
    },
    [release, session],
  );

  // A call starting takes the microphone: release ours at once (before the transport asks
  // for it, which some platforms refuse while another capture runs) and hand over the choice.
  useEffect(() => {
    let wasEnded = ENDED.has(session.store.getState().transportState);
    return session.store.subscribe((s) => {
      const ended = ENDED.has(s.transportState);
      if (wasEnded && !ended) {
        release();
        setState("in-call");
        if (chosen.current) carryIntoCall(session, actions, chosen.current);
      } else if (!wasEnded && ended) {
        setState("idle");
      }
      wasEnded = ended;
    });
  }, [session, actions, release]);

  useEffect(() => {
    if (autoStart) void open(chosen.current);
    return release;
    // Mount and unmount only: later device choices go through selectDevice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const start = useCallback(() => open(chosen.current), [open]);
  const selectDevice = useCallback(
    (id: string) => {
      chosen.current = id;
      setDeviceId(id);
      return open(id);
    },
    [open],
  );
  const stop = useCallback(() => {
    release();
    setState("idle");
  }, [release]);

  return { state, message, devices, deviceId, start, stop, selectDevice };
}
