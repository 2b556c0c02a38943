import { LogLevel, logger, PipecatClient } from "@pipecat-ai/client-js";
import type { Decorator, Loader, Preview } from "@storybook/react-vite";
import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import { RTVIClientProvider, useConnection } from "rtvi-react-kit";
import { ScriptedTransport, type Script, type ScriptEvent, type ScriptedTransportOptions } from "rtvi-react-kit/testing";
import { IDLE } from "./scripts";

/**
 * The `session` story parameter: what the story's `ScriptedTransport` plays. Stories without
 * it get no provider (a component that needs one fails loudly, as in an app).
 */
export interface SessionParameter {
  /** The scripted session (the shared fixtures' format). Default: the handshake only. */
  script?: Script | ScriptEvent[];
  /** ScriptedTransport options: speed, failConnect, microphone, paused, onSendText... */
  options?: ScriptedTransportOptions;
  /** Connect when the story mounts (replays start by themselves). Default false. */
  autoConnect?: boolean;
  /** The provider's `maxTurns`. */
  maxTurns?: number;
  /** Tracks for the transport, made fresh for every render of the story (e.g. a bot tone). */
  tracks?: () => ScriptedTransportOptions["tracks"];
}

/** The live client and transport of the story being shown. */
export interface ScriptedSession {
  readonly client: PipecatClient;
  readonly transport: ScriptedTransport;
}

/** Args every session story may have: they override `parameters.session.options`. */
export interface SessionArgs {
  /** Playback speed: 1 is real time. */
  speed?: number;
  /** Hold the script after the handshake; step it from the demo's toolbar. */
  paused?: boolean;
}

// client-js logs every RTVI message at INFO; the stories' console keeps warnings and errors.
logger.setLevel(LogLevel.WARN);

const SessionContext = createContext<ScriptedSession | null>(null);

/** The story's transport, for toolbars that pause, step and resume it. */
export function useScriptedSession(): ScriptedSession | null {
  return useContext(SessionContext);
}

function isSession(value: unknown): value is ScriptedSession {
  return typeof value === "object" && value !== null && (value as ScriptedSession).transport instanceof ScriptedTransport && (value as ScriptedSession).client instanceof PipecatClient;
}

/** The session a story's loader made, from a story or play-function context. */
export function sessionOf(context: { loaded: Record<string, unknown> }): ScriptedSession {
  const s = context.loaded["scripted"];
  if (!isSession(s)) throw new Error("This story has no `session` parameter, so it has no ScriptedTransport.");
  return s;
}

function sessionParameter(parameters: Record<string, unknown>): SessionParameter | undefined {
  const p = parameters["session"];
  return typeof p === "object" && p !== null ? (p as SessionParameter) : undefined;
}

/** Loader: a fresh `PipecatClient` on a `ScriptedTransport` for each story render. */
export const scriptedSessionLoader: Loader = (context) => {
  const p = sessionParameter(context.parameters);
  if (!p) return {};
  const args = context.args as SessionArgs;
  const options: ScriptedTransportOptions = {
    ...p.options,
    ...(typeof args.speed === "number" ? { speed: args.speed } : {}),
    ...(typeof args.paused === "boolean" ? { paused: args.paused } : {}),
    ...(p.tracks ? { tracks: p.tracks() } : {}),
  };
  const script = p.script ?? IDLE;
  const transport = new ScriptedTransport(Array.isArray(script) ? { events: script } : script, options);
  const client = new PipecatClient({ transport, enableMic: true, enableCam: false });
  const scripted: ScriptedSession = { client, transport };
  return { scripted };
};

/** After each story (and before the next render): end its session and stop its tracks. */
export const endScriptedSession: NonNullable<Preview["beforeEach"]> = (context) => () => {
  const s = context.loaded["scripted"];
  if (!isSession(s)) return;
  const tracks = s.transport.tracks();
  tracks.bot?.audio?.stop();
  tracks.local.audio?.stop();
  return s.client.disconnect().catch(() => undefined);
};

/**
 * Connects through the kit's own action, so a failure is recorded as a user's click would be.
 * A child's effect runs before the provider's own (which binds the client to the store): the
 * connect waits for that commit's effects to finish, or the first device events would be missed.
 */
function AutoConnect(): null {
  const { connect } = useConnection();
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    queueMicrotask(() => void connect().catch(() => undefined));
  }, [connect]);
  return null;
}

function SessionHost(props: { session: ScriptedSession; autoConnect: boolean; args: SessionArgs; maxTurns?: number; children: ReactNode }): ReactNode {
  const { session, autoConnect, args, maxTurns, children } = props;
  const { client, transport } = session;

  // Controls change speed and pause on the live transport, without replaying the story.
  // The loader already applied the initial values (and setSpeed before the script starts
  // would settle `transport.played` early).
  const initialSpeed = useRef(args.speed);
  useEffect(() => {
    if (args.speed === initialSpeed.current) return;
    initialSpeed.current = undefined;
    if (typeof args.speed === "number" && args.speed > 0) transport.setSpeed(args.speed);
  }, [transport, args.speed]);
  useEffect(() => {
    if (args.paused === true) transport.pause();
    else if (args.paused === false) transport.resume();
  }, [transport, args.paused]);

  return (
    <SessionContext.Provider value={session}>
      <RTVIClientProvider client={client} maxTurns={maxTurns}>
        {autoConnect && <AutoConnect />}
        {children}
      </RTVIClientProvider>
    </SessionContext.Provider>
  );
}

/** Decorator: wraps a story that has a `session` parameter in `RTVIClientProvider`. */
export const withScriptedSession: Decorator = (Story, context) => {
  const p = sessionParameter(context.parameters);
  if (!p) return <Story />;
  const session = sessionOf(context);
  return (
    <SessionHost key={context.id} session={session} autoConnect={p.autoConnect === true} args={context.args as SessionArgs} maxTurns={p.maxTurns}>
      <Story />
    </SessionHost>
  );
};

/** Decorator: the `theme` global as `data-rtvi-theme` on a wrapper that paints the page. */
export const withTheme: Decorator = (Story, context) => {
  const theme = context.globals["theme"] === "dark" ? "dark" : "light";
  return (
    <div data-rtvi-theme={theme} className="sb-rtvi-theme">
      <Story />
    </div>
  );
};
