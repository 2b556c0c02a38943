import { existsSync, readFileSync } from "node:fs";

/** Everything the server reads from the environment, resolved once at start-up. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Empty means "offline demo": the local Gemini Live stand-in answers. */
  geminiApiKey: string;
  geminiModel: string;
  geminiVoice: string;
  geminiSystemInstruction: string;
  /** Override of the Gemini Live endpoint (tests point a fake key at the stand-in). */
  geminiWsUrl: string | undefined;
  iceServers: IceServer[];
  /** Extra host addresses for ICE; loopback is included so local calls work offline. */
  iceHostAddresses: string[];
  iceStunGatherTimeoutSec: number;
  sessionIdleTtlMs: number;
  /** A live call that sends nothing (no RTP, no data channel message) this long is gone. */
  mediaTimeoutMs: number;
  maxBodyBytes: number;
  maxCalls: number;
  /** Opus-encode calls' audio on a thread of its own, ahead of each frame's slot (env ENCODE_AHEAD=0 turns it off). */
  encodeAhead: boolean;
  /** Linux: the server's other threads run at nice 10 below its frame clock's (env LOWER_HELPER_THREADS=0 turns it off). */
  lowerHelperThreads: boolean;
  staticDir: string | undefined;
  /** Foreign origins allowed to call the API (CORS); empty = same origin only. */
  allowedOrigins: string[];
  /** Host names accepted besides loopback ones; when bound beyond loopback and set, others get 403. */
  allowedHosts: string[];
  /** When set, /start and the offer routes need `Authorization: Bearer <startToken>`. */
  startToken: string;
  /** Sessions from /start that no call has used yet: in total, per client address, and how long they live. */
  maxPendingSessions: number;
  maxPendingSessionsPerClient: number;
  pendingSessionTtlMs: number;
  /** Per client address, requests per minute (bursts up to the same number); 0 = unlimited. */
  startPerMin: number;
  offersPerMin: number;
  candidatesPerMin: number;
  /** Per call: largest data-channel message, and messages per second (bursts of twice that). */
  dcMaxMessageBytes: number;
  dcMessagesPerSec: number;
  /** Per call: `send-text` turns per second (each costs a model answer), bursts of twice that. */
  dcTextPerSec: number;
}

export interface IceServer {
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** Google's default Live model (see .env.example for the source). */
export const DEFAULT_MODEL = "models/gemini-3.8-live";
export const DEFAULT_VOICE = "Puck";
export const DEFAULT_SYSTEM_INSTRUCTION =
  "You are a friendly voice assistant in a demo app. Keep answers short and conversational.";
/**
 * werift asks a STUN server for reflexive candidates even with no ICE servers and would
 * otherwise fall back to a public host; a loopback URL fails fast and keeps us offline.
 */
export const OFFLINE_STUN: IceServer = { urls: "stun:127.0.0.1:3478" };

/**
 * Calls one core carries in real time (20 ms frames late > 5 ms under 1 %), from the load bench
 * (`npm run bench -- --only e`, i.e. `npx tsx example-app/tools/bench.ts --json`). Run of
 * 2026-12-01T19:51Z on the 2-core EPYC: 0.37 % late at 10 calls, 0.80 % at 20, 2.5 % at 40 (1.7 %
 * of a core per call at 20: the loop's timing, not its CPU, sets the cap). Before the offline
 * stand-in moved to its own thread the same bench gave 3.0 % at 20, and the cap was 10.
 */
export const CALLS_PER_CORE = 20;
/**
 * The calls share one event loop (werift's DTLS/SRTP and the Opus codec run on it; only the
 * offline stand-in has a thread of its own), so one process uses one core for its calls however
 * many the machine has. Run one process per core behind a session-routing proxy to use the rest
 * (README, "Growing past one machine").
 */
export const CORES_PER_PROCESS = 1;
export const DEFAULT_MAX_CALLS = CALLS_PER_CORE * CORES_PER_PROCESS;

/** Tiny `.env` reader: KEY=VALUE lines, `#` comments, optional quotes. Never overrides real env. */
export function loadDotEnv(path: string, env: NodeJS.ProcessEnv = process.env): void {
  if (!existsSync(path)) return;
  for (const raw of readFileSync(path, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).replace(/^export\s+/, "").trim();
    let value = line.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, "");
    if (env[key] === undefined) env[key] = value;
  }
}

function list(v: string | undefined): string[] {
  return (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

function int(v: string | undefined, dflt: number, name: string): number {
  if (v === undefined || v === "") return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
  return n;
}

/** ICE_SERVERS is JSON (`[{"urls":"stun:..."}]`) or a comma-separated list of URLs. */
export function parseIceServers(v: string | undefined): IceServer[] {
  if (!v || !v.trim()) return [OFFLINE_STUN];
  const s = v.trim();
  if (s.startsWith("[")) {
    const parsed: unknown = JSON.parse(s);
    if (!Array.isArray(parsed)) throw new Error("ICE_SERVERS JSON must be an array");
    return parsed.map((e: unknown) => {
      if (typeof e !== "object" || e === null || !("urls" in e)) throw new Error("ICE_SERVERS entries need urls");
      return e as IceServer;
    });
  }
  return s.split(",").map((u) => ({ urls: u.trim() })).filter((e) => e.urls !== "");
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: int(env.PORT, 7860, "PORT"),
    host: env.HOST || "127.0.0.1",
    geminiApiKey: env.GEMINI_API_KEY?.trim() ?? "",
    geminiModel: env.GEMINI_MODEL || DEFAULT_MODEL,
    geminiVoice: env.GEMINI_VOICE || DEFAULT_VOICE,
    geminiSystemInstruction: env.GEMINI_SYSTEM_INSTRUCTION || DEFAULT_SYSTEM_INSTRUCTION,
    geminiWsUrl: env.GEMINI_WS_URL || undefined,
    iceServers: parseIceServers(env.ICE_SERVERS),
    iceHostAddresses: (env.ICE_HOST_ADDRESSES ?? "127.0.0.1").split(",").map((s) => s.trim()).filter(Boolean),
    iceStunGatherTimeoutSec: int(env.ICE_GATHER_TIMEOUT_SEC, 0.5, "ICE_GATHER_TIMEOUT_SEC"),
    sessionIdleTtlMs: int(env.SESSION_IDLE_TTL_SEC, 120, "SESSION_IDLE_TTL_SEC") * 1000,
    mediaTimeoutMs: int(env.MEDIA_TIMEOUT_SEC, 8, "MEDIA_TIMEOUT_SEC") * 1000,
    maxBodyBytes: int(env.MAX_BODY_BYTES, 64 * 1024, "MAX_BODY_BYTES"),
    maxCalls: int(env.MAX_CALLS, DEFAULT_MAX_CALLS, "MAX_CALLS"),
    encodeAhead: env.ENCODE_AHEAD !== "0",
    lowerHelperThreads: env.LOWER_HELPER_THREADS !== "0",
    staticDir: env.STATIC_DIR || undefined,
    allowedOrigins: list(env.ALLOWED_ORIGINS),
    allowedHosts: list(env.ALLOWED_HOSTS),
    startToken: env.START_TOKEN?.trim() ?? "",
    maxPendingSessions: int(env.MAX_PENDING_SESSIONS, 200, "MAX_PENDING_SESSIONS"),
    maxPendingSessionsPerClient: int(env.MAX_PENDING_SESSIONS_PER_CLIENT, 8, "MAX_PENDING_SESSIONS_PER_CLIENT"),
    pendingSessionTtlMs: int(env.PENDING_SESSION_TTL_SEC, 30, "PENDING_SESSION_TTL_SEC") * 1000,
    startPerMin: int(env.RATE_START_PER_MIN, 30, "RATE_START_PER_MIN"),
    offersPerMin: int(env.RATE_OFFERS_PER_MIN, 60, "RATE_OFFERS_PER_MIN"),
    candidatesPerMin: int(env.RATE_CANDIDATES_PER_MIN, 600, "RATE_CANDIDATES_PER_MIN"),
    dcMaxMessageBytes: int(env.DC_MAX_MESSAGE_BYTES, 16 * 1024, "DC_MAX_MESSAGE_BYTES"),
    dcMessagesPerSec: int(env.DC_MESSAGES_PER_SEC, 20, "DC_MESSAGES_PER_SEC"),
    dcTextPerSec: int(env.DC_TEXT_PER_SEC, 1, "DC_TEXT_PER_SEC"),
  };
}
