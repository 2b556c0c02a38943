import type { APIRequest, PipecatClient, SendTextOptions, TransportConnectionParams } from "@pipecat-ai/client-js";
import type { Session } from "./createSession";
import { deviceOptions } from "./listen";
import { SCREEN_SHARE_UNSUPPORTED, canShareScreen } from "./video";

/** Which public action failed. */
export type RTVIAction = "connect" | "disconnect" | "sendText" | "enableMic" | "selectMic" | "selectSpeaker" | "refreshDevices" | "enableCam" | "selectCam" | "enableScreenShare";

/**
 * The one error type every async action of the kit rejects with. `action` says which
 * action failed, `cause` keeps the original error (client-js's own error classes, a
 * network error...). The same failure is recorded in the store (`useRTVIError`).
 */
export class RTVIActionError extends Error {
  readonly action: RTVIAction;
  override readonly cause: unknown;
  constructor(action: RTVIAction, message: string, cause?: unknown) {
    super(message);
    this.name = "RTVIActionError";
    this.action = action;
    this.cause = cause;
  }
}

/** How to connect: start a bot through your server first, or connect with transport params. */
export type ConnectOptions = { startBot: APIRequest } | { params?: TransportConnectionParams };

/** The kit's actions on a session's client. Every one rejects only with {@link RTVIActionError}. */
export interface SessionActions {
  connect(options?: ConnectOptions): Promise<void>;
  disconnect(): Promise<void>;
  /** Sends typed text; the user turn shows at once. `interrupt` cuts off a speaking bot. */
  sendText(text: string, options?: SendTextOptions & { interrupt?: boolean }): Promise<void>;
  enableMic(enabled: boolean): Promise<void>;
  selectMic(deviceId: string): Promise<void>;
  selectSpeaker(deviceId: string): Promise<void>;
  refreshDevices(): Promise<void>;
  /** Turns the camera on or off (the track arrives later, through the transport's events). */
  enableCam(enabled: boolean): Promise<void>;
  selectCam(deviceId: string): Promise<void>;
  /** Starts or stops sharing a screen; rejects where the browser or transport cannot. */
  enableScreenShare(enabled: boolean): Promise<void>;
}

const BUSY = new Set(["initializing", "initialized", "authenticating", "authenticated", "connecting", "connected"]);

function messageOf(e: unknown, fallback: string): string {
  if (e instanceof Error && e.message) return e.message;
  if (typeof e === "string" && e) return e;
  return fallback;
}

export function createActions(session: Session, getClient: () => PipecatClient | null): SessionActions {
  const { dispatch, store } = session;
  let connecting: Promise<void> | null = null;
  let listing: Promise<void> | null = null;

  // Runs an action; on failure records it once (client-js may already have reported it
  // through its Error event) and rejects with RTVIActionError.
  async function run<T>(action: RTVIAction, fallback: string, fatal: boolean, fn: (client: PipecatClient) => Promise<T> | T): Promise<T> {
    const client = getClient();
    if (!client) {
      const err = new RTVIActionError(action, "The client is not ready yet: RTVIClientProvider creates it after mounting.");
      dispatch({ type: "error", message: err.message, fatal: false, source: "action" });
      throw err;
    }
    const before = store.getState().errors.length;
    try {
      return await fn(client);
    } catch (e) {
      const message = messageOf(e, fallback);
      if (store.getState().errors.length === before) dispatch({ type: "error", message, fatal, source: action === "connect" ? "connect" : "action" });
      throw new RTVIActionError(action, message, e);
    }
  }

  async function deviceList(client: PipecatClient): Promise<void> {
    const [mics, speakers, cams] = await Promise.all([client.getAllMics(), client.getAllSpeakers(), client.getAllCams().catch(() => null)]);
    dispatch({ type: "devices", mics: deviceOptions(mics), speakers: deviceOptions(speakers) });
    if (cams) dispatch({ type: "video", patch: { cams: deviceOptions(cams) } });
  }

  return {
    connect(options) {
      if (connecting) return connecting;
      const client = getClient();
      if (client && (client.state === "ready" || BUSY.has(client.state))) return Promise.resolve();
      dispatch({ type: "clear-error" });
      connecting = run("connect", "Could not connect to the bot.", true, async (c) => {
        if (options && "startBot" in options) await c.startBotAndConnect(options.startBot);
        else await c.connect(options?.params);
      }).finally(() => {
        connecting = null;
      });
      return connecting;
    },
    disconnect: () => run("disconnect", "Could not disconnect.", false, (c) => c.disconnect()),
    sendText(text, options = {}) {
      const { interrupt = false, ...sendOptions } = options;
      return run("sendText", "Could not send the message.", false, async (c) => {
        if (c.state !== "ready") throw new Error("Connect to the bot before sending a message.");
        dispatch({ type: "typed-text", text, interrupt });
        await c.sendText(text, sendOptions);
      });
    },
    enableMic: (enabled) =>
      run("enableMic", "Could not change the microphone.", false, (c) => {
        c.enableMic(enabled);
        dispatch({ type: "mic-enabled", enabled });
      }),
    selectMic: (deviceId) =>
      run("selectMic", "Could not switch the microphone.", false, (c) => {
        c.updateMic(deviceId);
        dispatch({ type: "devices", selectedMic: deviceId });
      }),
    selectSpeaker: (deviceId) =>
      run("selectSpeaker", "Could not switch the speaker.", false, (c) => {
        c.updateSpeaker(deviceId);
        dispatch({ type: "devices", selectedSpeaker: deviceId });
      }),
    enableCam: (enabled) =>
      run("enableCam", "Could not change the camera.", false, (c) => {
        dispatch({ type: "video", patch: enabled ? { camEnabled: true, camProblem: null } : { camEnabled: false } });
        c.enableCam(enabled);
      }),
    selectCam: (deviceId) =>
      run("selectCam", "Could not switch the camera.", false, (c) => {
        c.updateCam(deviceId);
        dispatch({ type: "video", patch: { selectedCam: deviceId } });
      }),
    enableScreenShare: (enabled) =>
      run("enableScreenShare", "Could not share the screen.", false, async (c) => {
        if (enabled && !canShareScreen()) {
          dispatch({ type: "video", patch: { screenProblem: SCREEN_SHARE_UNSUPPORTED } });
          throw new Error(SCREEN_SHARE_UNSUPPORTED);
        }
        dispatch({ type: "video", patch: enabled ? { screenStarting: true, screenProblem: null } : { screenStarting: false } });
        try {
          await c.enableScreenShare(enabled);
        } catch (e) {
          dispatch({ type: "video", patch: { screenStarting: false, screenProblem: messageOf(e, "The screen could not be shared.") } });
          throw e;
        }
        // A transport that reports no screen track (stopping, or none offered) settles here.
        if (!enabled) dispatch({ type: "video", patch: { screenTrack: null } });
      }),
    refreshDevices() {
      listing ??= run("refreshDevices", "Could not list the audio devices.", false, deviceList).finally(() => {
        listing = null;
      });
      return listing;
    },
  };
}
