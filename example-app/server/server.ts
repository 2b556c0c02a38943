import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { FrameClock } from "./audio/clock.js";
import { EncoderThread } from "./audio/encoderThread.js";
import type { Mode } from "./call.js";
import { configFromEnv, OFFLINE_STUN, type ServerConfig } from "./config.js";
import { currentThreadId, lowerHelperThreads } from "./background.js";
import { createGuard } from "./http/guard.js";
import { createHandler } from "./http/routes.js";
import { createLogger, type Logger, type LogSink } from "./logger.js";
import { GeminiLiveClient } from "./gemini/client.js";
import { Metrics, type MetricsSnapshot } from "./metrics.js";
import { SessionManager } from "./sessions.js";
import { startStandInThread, type StandInHandle } from "./standin/thread.js";
import { createWsUpgrade } from "./transports/websocket/upgrade.js";
import type { SynthEngine } from "./standin/synth.js";

export interface ServerOptions extends Partial<ServerConfig> {
  logger?: Logger;
  /** Where log lines go (tests capture them); ignored when `logger` is given. */
  logSink?: LogSink;
  /** Speech engine of the offline stand-in. */
  synth?: SynthEngine;
  /** The offline bot recognises speech and answers (default; env STANDIN_UNDERSTAND=0 for the timing-only one). */
  understand?: boolean;
}

export interface ServerStats {
  mode: Mode;
  sessions: number;
  pendingSessions: number;
  calls: number;
  peers: number;
  geminiSockets: number;
  clockSubscribers: number;
  /** Calls whose audio the encoder thread encodes (0 when ENCODE_AHEAD=0). */
  encoderStreams: number;
  metrics: MetricsSnapshot;
}

export interface RunningServer {
  url: string;
  port: number;
  mode: Mode;
  /** ws:// URL of the offline stand-in, when it runs. */
  standInUrl: string | undefined;
  stats(): ServerStats;
  /** Resolves once every call and peer is gone. */
  whenIdle(timeoutMs?: number): Promise<void>;
  metrics: Metrics;
  close(): Promise<void>;
}

/** Build the HTTP server without listening (config from options over env). */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { logger: givenLogger, logSink, synth, understand, ...overrides } = options;
  const config: ServerConfig = { ...configFromEnv(), ...overrides };
  const logger = givenLogger ?? createLogger({ sink: logSink });
  logger.addSecret(config.geminiApiKey);
  logger.addSecret(config.startToken);
  // Before anything listens: a typo in ALLOWED_ORIGINS fails the start, not every request.
  const guard = createGuard(config);
  const metrics = new Metrics();
  const mode: Mode = config.geminiApiKey ? "gemini" : "offline-demo";

  // What has started so far, stopped again (last first) if the start fails halfway: a port in use
  // or a thread that will not load must not leave the threads before it running.
  const undo: (() => unknown)[] = [];
  const failed = async (e: unknown): Promise<never> => {
    for (const stop of undo.reverse()) await stop();
    throw e;
  };

  let standIn: StandInHandle | undefined;
  if (mode === "offline-demo") standIn = await startStandInThread({ logger: logger.child("stand-in"), engine: synth, understand: understand ?? process.env.STANDIN_UNDERSTAND !== "0" });
  if (standIn) undo.push(standIn.close);
  const gemini = {
    apiKey: config.geminiApiKey || "offline-demo",
    url: standIn?.url ?? config.geminiWsUrl,
    model: config.geminiModel,
    voice: config.geminiVoice,
    systemInstruction: config.geminiSystemInstruction,
  };
  const encoder = config.encodeAhead ? await EncoderThread.start(logger.child("encoder")).catch(failed) : undefined;
  if (encoder) undo.push(() => encoder.close());
  const sessions = new SessionManager({ config, mode, gemini, logger, metrics, encoder });
  undo.push(() => sessions.closeAll());
  // Only ICE servers the operator configured are worth telling the browser about.
  const publicIce = config.iceServers.filter((s) => s !== OFFLINE_STUN && !String(s.urls).includes("127.0.0.1"));
  const handler = createHandler({
    sessions,
    mode,
    limits: config,
    guard,
    staticDir: config.staticDir,
    iceConfig: publicIce.length ? { iceServers: publicIce } : undefined,
    logger,
    demo: standIn?.demo,
  });
  const http: Server = createHttpServer(handler);
  const ws = createWsUpgrade({
    sessions,
    guard,
    offersPerMin: config.offersPerMin,
    maxMessageBytes: config.dcMaxMessageBytes,
    messagesPerSec: config.dcMessagesPerSec,
    textPerSec: config.dcTextPerSec,
    logger,
    metrics,
  });
  http.on("upgrade", ws.handle);
  http.requestTimeout = 30_000;
  http.headersTimeout = 15_000;
  undo.push(() => ws.close());
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.port, config.host, () => {
      http.off("error", reject);
      resolve();
    });
  }).catch(failed);
  // Every thread the server needs is running now; those started later inherit from their creator.
  if (config.lowerHelperThreads) lowerHelperThreads(currentThreadId());
  const { port } = http.address() as AddressInfo;
  const hostForUrl = config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${hostForUrl === "0.0.0.0" ? "127.0.0.1" : hostForUrl}:${port}`;
  logger.info(`bot server on ${url} (${mode}${standIn ? `, stand-in speaks with ${standIn.engine}` : ""})`);

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    mode,
    standInUrl: standIn?.url,
    metrics,
    stats: () => {
      const s = sessions.stats();
      return { mode, ...s, geminiSockets: GeminiLiveClient.live, clockSubscribers: FrameClock.running, encoderStreams: encoder?.open ?? 0, metrics: metrics.snapshot() };
    },
    whenIdle: (t = 10_000) => sessions.whenIdle(t),
    close: () =>
      (closing ??= (async () => {
        sessions.closeAll();
        await sessions.whenIdle(5_000).catch((e: unknown) => logger.warn("close: peers still open", e));
        ws.close();
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        });
        await Promise.all([standIn?.close(), encoder?.close()]);
      })()),
  };
}

export { startServer as createServer };
