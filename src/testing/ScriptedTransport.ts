import {
  DeviceError,
  Transport,
  UnsupportedFeatureError,
  type PipecatClientOptions,
  RTVIMessage,
  type Tracks,
  type TransportState,
} from "@pipecat-ai/client-js";
import { canvasVideoTrack } from "./canvasTrack";
import { ScriptPlayer } from "./player";
import { parseScript, type Script, type ScriptEvent, type ScriptMessage } from "./script";

/** Options for {@link ScriptedTransport}. */
export interface ScriptedTransportOptions {
  /** 1 is real time, 10 is ten times faster, `Infinity` as fast as timers allow. Default 1. */
  speed?: number;
  /** Milliseconds (script time) the simulated connection takes before the handshake. Default 0. */
  connectDelayMs?: number;
  /** Makes `connect()` fail with this error, as a dead server would. */
  failConnect?: string | Error;
  /** Simulates the microphone: granted (default), denied by the user, or absent. */
  microphone?: "granted" | "denied" | "no-device";
  /** Start paused after the handshake; drive it with `step()` / `resume()`. */
  paused?: boolean;
  /** Answers typed text (`client.sendText`): events to play, `at` counted from the send. */
  onSendText?: (text: string) => ScriptEvent[] | Script | undefined | void;
  /** Answers `client.sendClientRequest` / `sendClientMessage`: the value becomes the response's `d`. */
  onClientMessage?: (type: string, data: unknown) => unknown;
  /** Tracks to report as the local mic and the bot's audio (for analyser tests in a browser). */
  tracks?: { local?: MediaStreamTrack; bot?: MediaStreamTrack };
  /**
   * Simulated video. `camera` and `screen` make a fresh track each time the camera is turned
   * on or a share starts (the transport stops it when turned off); the defaults draw on a
   * canvas (`canvasVideoTrack`), which jsdom lacks, so tests there pass their own factory.
   * `screen: false` makes screen sharing unsupported; `camera: "denied"` or `"no-device"`
   * makes the camera fail like a blocked or missing one. `bot` is the bot's video track.
   */
  video?: {
    camera?: (() => MediaStreamTrack | null) | "denied" | "no-device";
    screen?: (() => MediaStreamTrack | null) | false;
    bot?: MediaStreamTrack;
  };
}

const BOT = { id: "scripted-bot", name: "Scripted bot", local: false };
const LOCAL = { id: "scripted-user", name: "You", local: true };

function device(deviceId: string, label: string, kind: MediaDeviceKind): MediaDeviceInfo {
  return { deviceId, label, kind, groupId: "scripted", toJSON: () => ({ deviceId, label, kind }) } as MediaDeviceInfo;
}

/**
 * An in-memory transport for `@pipecat-ai/client-js` that plays a scripted RTVI session:
 * the handshake, transport states, messages and audio levels, with pause and step. For
 * stories, tests and demos with no bot, key or network.
 *
 * @example
 * const transport = ScriptedTransport.fromFixture(json, { speed: 4 });
 * const client = new PipecatClient({ transport });
 * await client.connect();
 * await transport.played;
 */
export class ScriptedTransport extends Transport {
  /** Every message the client sent, in order (client-ready, send-text, ...). */
  readonly sent: RTVIMessage[] = [];
  /** Messages the client's handler threw on (kept so tests can assert none, or some). */
  readonly deliveryErrors: unknown[] = [];
  private readonly script: Script;
  private readonly opts: ScriptedTransportOptions;
  private readonly player: ScriptPlayer;
  private micEnabled = true;
  private mic: MediaDeviceInfo | Record<string, never> = {};
  private speaker: MediaDeviceInfo | Record<string, never> = {};
  private readonly mics: MediaDeviceInfo[];
  private readonly speakers = [device("scripted-speaker", "Scripted speaker", "audiooutput"), device("scripted-speaker-2", "Second speaker", "audiooutput")];
  private connectTimer: ReturnType<typeof setTimeout> | null = null;
  private camOn = false;
  private camTrack: MediaStreamTrack | null = null;
  private screenTrack: MediaStreamTrack | null = null;
  private cam: MediaDeviceInfo | Record<string, never> = {};
  private readonly cams: MediaDeviceInfo[];

  constructor(script: Script | unknown, options: ScriptedTransportOptions = {}) {
    super();
    this.script = parseScript(script);
    this.opts = options;
    this.mics = options.microphone === "no-device" ? [] : [device("scripted-mic", "Scripted microphone", "audioinput"), device("scripted-mic-2", "Second microphone", "audioinput")];
    this.cams = options.video?.camera === "no-device" ? [] : [device("scripted-cam", "Scripted camera", "videoinput"), device("scripted-cam-2", "Second camera", "videoinput")];
    this.player = new ScriptPlayer((e) => this.deliver(e), options.speed ?? 1);
    if (options.paused) this.player.pause();
  }

  /** Builds a transport from a fixture in the shared format, as JSON text or an object. */
  static fromFixture(fixture: string | Script | unknown, options?: ScriptedTransportOptions): ScriptedTransport {
    return new ScriptedTransport(fixture, options);
  }

  /**
   * Resolves once the whole script of the current session has been delivered, or the
   * session ended first (a fatal error, a disconnect): `remaining` tells which.
   */
  get played(): Promise<void> {
    return this.player.done;
  }

  get paused(): boolean {
    return this.player.paused;
  }
  /** Events of the current session not yet delivered. */
  get remaining(): number {
    return this.player.remaining;
  }
  pause(): void {
    this.player.pause();
  }
  resume(): void {
    this.player.resume();
  }
  /** Delivers the next event at once; false when the script is over. */
  step(): boolean {
    return this.player.step();
  }
  setSpeed(speed: number): void {
    this.player.setSpeed(speed);
  }
  /** Plays extra events now (`at` counted from now), e.g. to answer a test's action. */
  play(events: ScriptEvent[] | Script): void {
    this.player.append(Array.isArray(events) ? events : parseScript(events).events);
  }
  /** Delivers one message immediately, as if it had just arrived from the bot. */
  inject(message: ScriptMessage): void {
    this.deliver({ at: 0, message });
  }

  initialize(options: PipecatClientOptions, messageHandler: (ev: RTVIMessage) => void): void {
    this._options = options;
    this._callbacks = options.callbacks ?? {};
    this._onMessage = messageHandler;
    this.micEnabled = options.enableMic ?? true;
    this.camOn = options.enableCam ?? false;
  }

  async initDevices(): Promise<void> {
    this.state = "initializing";
    const mic = this.opts.microphone ?? "granted";
    if (mic !== "granted") {
      const err = new DeviceError(["mic"], mic === "denied" ? "permissions" : "not-found", mic === "denied" ? "Microphone permission was denied." : "No microphone was found.");
      this._callbacks.onDeviceError?.(err);
    } else {
      this.mic = this.mics[0] ?? {};
      this._callbacks.onMicUpdated?.(this.mic as MediaDeviceInfo);
    }
    this.speaker = this.speakers[0] ?? {};
    if (this.speakers[0]) this._callbacks.onSpeakerUpdated?.(this.speakers[0]);
    this._callbacks.onAvailableMicsUpdated?.(this.mics);
    this._callbacks.onAvailableSpeakersUpdated?.(this.speakers);
    this._callbacks.onAvailableCamsUpdated?.(this.cams);
    if (this.camOn) this.startCam();
    this.state = "initialized";
  }

  _validateConnectionParams(params?: unknown): unknown {
    return params;
  }

  async _connect(): Promise<void> {
    this.state = "connecting";
    const delay = (this.opts.connectDelayMs ?? 0) / (this.opts.speed ?? 1);
    await new Promise<void>((resolve) => {
      this.connectTimer = setTimeout(resolve, Number.isFinite(delay) ? delay : 0);
    });
    this.connectTimer = null;
    if (this.state !== "connecting") throw new Error("The connection was cancelled.");
    if (this.opts.failConnect !== undefined) {
      this.state = "error";
      throw typeof this.opts.failConnect === "string" ? new Error(this.opts.failConnect) : this.opts.failConnect;
    }
    this.state = "connected";
    this._callbacks.onConnected?.();
    this._callbacks.onBotConnected?.(BOT);
    const { local, bot } = this.opts.tracks ?? {};
    if (local) this._callbacks.onTrackStarted?.(local, LOCAL);
    if (bot) this._callbacks.onTrackStarted?.(bot, BOT);
    const botVideo = this.opts.video?.bot;
    if (botVideo) this._callbacks.onTrackStarted?.(botVideo, BOT);
  }

  async _disconnect(): Promise<void> {
    if (this.connectTimer !== null) clearTimeout(this.connectTimer);
    this.connectTimer = null;
    this.player.stop();
    if (this.state === "disconnected") return;
    this.state = "disconnecting";
    const { local, bot } = this.opts.tracks ?? {};
    if (local) this._callbacks.onTrackStopped?.(local, LOCAL);
    if (bot) this._callbacks.onTrackStopped?.(bot, BOT);
    const botVideo = this.opts.video?.bot;
    if (botVideo) this._callbacks.onTrackStopped?.(botVideo, BOT);
    // A hang-up releases the camera and the screen, as real transports do.
    this.stopCam();
    this.stopScreen();
    this.camOn = false;
    this.state = "disconnected";
    this._callbacks.onDisconnected?.();
  }

  /** The client's `client-ready`: answer with the script's bot-ready, then play the rest. */
  sendReadyMessage(): void {
    this.sent.push(RTVIMessage.clientReady());
    const events = this.script.events;
    const readyIndex = events.findIndex((e) => "message" in e && e.message.type === "bot-ready");
    const ready = readyIndex >= 0 ? (events[readyIndex] as { at: number; message: ScriptMessage }) : null;
    const startAt = ready?.at ?? 0;
    this.deliver({ at: startAt, message: ready?.message ?? { label: "rtvi-ai", type: "bot-ready", id: "scripted", data: { version: "2.1.0" } } });
    this.player.start(events.filter((_, i) => i !== readyIndex), startAt);
  }

  get state(): TransportState {
    return this._state;
  }
  set state(state: TransportState) {
    if (this._state === state) return;
    this._state = state;
    this._callbacks?.onTransportStateChanged?.(state);
  }

  sendMessage(message: RTVIMessage): void {
    this.sent.push(message);
    const data = message.data as Record<string, unknown> | undefined;
    if (message.type === "send-text" && this.opts.onSendText) {
      const reply = this.opts.onSendText(String(data?.content ?? ""));
      if (reply) this.play(reply);
    } else if (message.type === "client-message") {
      const d = this.opts.onClientMessage?.(String(data?.t ?? ""), data?.d);
      this.inject({ label: "rtvi-ai", type: "server-response", id: message.id, data: { t: data?.t, d } });
    }
  }

  private deliver(e: ScriptEvent): void {
    try {
      if ("level" in e) {
        if (e.level.source === "local") this._callbacks.onLocalAudioLevel?.(e.level.value);
        else this._callbacks.onRemoteAudioLevel?.(e.level.value, BOT);
        return;
      }
      const m: unknown = e.message;
      // Real transports pass on only objects labelled "rtvi-ai"; so do we.
      if (typeof m !== "object" || m === null || (m as ScriptMessage).label !== "rtvi-ai") return;
      const { id, type, data, label } = m as ScriptMessage;
      this._onMessage({ id, type, data, label } as RTVIMessage);
      if (type === "bot-ready" && (this.state === "connected" || this.state === "ready")) this.state = "ready";
    } catch (err) {
      this.deliveryErrors.push(err);
    }
  }

  async getAllMics(): Promise<MediaDeviceInfo[]> {
    return this.mics;
  }
  async getAllCams(): Promise<MediaDeviceInfo[]> {
    return this.cams;
  }
  async getAllSpeakers(): Promise<MediaDeviceInfo[]> {
    return this.speakers;
  }
  updateMic(micId: string): void {
    const found = this.mics.find((m) => m.deviceId === micId);
    if (!found) return;
    this.mic = found;
    this._callbacks.onMicUpdated?.(found);
  }
  updateCam(camId: string): void {
    const found = this.cams.find((c) => c.deviceId === camId);
    if (!found) return;
    this.cam = found;
    this._callbacks.onCamUpdated?.(found);
    // A new device means a new track, as with getUserMedia.
    if (this.camTrack) {
      this.stopCam();
      this.startCam();
    }
  }
  updateSpeaker(speakerId: string): void {
    const found = this.speakers.find((s) => s.deviceId === speakerId);
    if (!found) return;
    this.speaker = found;
    this._callbacks.onSpeakerUpdated?.(found);
  }
  get selectedMic(): MediaDeviceInfo | Record<string, never> {
    return this.mic;
  }
  get selectedCam(): MediaDeviceInfo | Record<string, never> {
    return this.cam;
  }
  get selectedSpeaker(): MediaDeviceInfo | Record<string, never> {
    return this.speaker;
  }
  enableMic(enable: boolean): void {
    this.micEnabled = enable;
  }
  enableCam(enable: boolean): void {
    this.camOn = enable;
    if (enable) this.startCam();
    else this.stopCam();
  }
  enableScreenShare(enable: boolean): void {
    const make = this.opts.video?.screen;
    if (make === false) throw new UnsupportedFeatureError("enableScreenShare", "ScriptedTransport", "Screen sharing is off in this script.");
    if (!enable) return this.stopScreen();
    if (this.screenTrack) return;
    const track = (make ?? (() => canvasVideoTrack({ color: "#2050d0", moving: false })))();
    if (!track) return void this._callbacks.onScreenShareError?.("This environment cannot capture a screen.");
    this.screenTrack = track;
    this._callbacks.onScreenTrackStarted?.(track, LOCAL);
  }
  get isCamEnabled(): boolean {
    return this.camOn;
  }
  get isMicEnabled(): boolean {
    return this.micEnabled;
  }
  get isSharingScreen(): boolean {
    return this.screenTrack !== null;
  }
  tracks(): Tracks {
    return {
      local: { audio: this.opts.tracks?.local, video: this.camTrack ?? undefined, screenVideo: this.screenTrack ?? undefined },
      bot: { audio: this.opts.tracks?.bot, video: this.opts.video?.bot },
    };
  }

  private startCam(): void {
    if (this.camTrack) return;
    const make = this.opts.video?.camera;
    if (make === "denied" || make === "no-device") {
      this.camOn = false;
      const denied = make === "denied";
      this._callbacks.onDeviceError?.(new DeviceError(["cam"], denied ? "permissions" : "not-found", denied ? "Camera permission was denied." : "No camera was found."));
      return;
    }
    const track = (make ?? (() => canvasVideoTrack()))();
    if (!track) return;
    this.camTrack = track;
    if (!this.cam.deviceId && this.cams[0]) {
      this.cam = this.cams[0];
      this._callbacks.onCamUpdated?.(this.cams[0]);
    }
    this._callbacks.onTrackStarted?.(track, LOCAL);
  }

  private stopCam(): void {
    const track = this.camTrack;
    if (!track) return;
    this.camTrack = null;
    track.stop();
    this._callbacks.onTrackStopped?.(track, LOCAL);
  }

  private stopScreen(): void {
    const track = this.screenTrack;
    if (!track) return;
    this.screenTrack = null;
    track.stop();
    this._callbacks.onScreenTrackStopped?.(track, LOCAL);
  }
}
