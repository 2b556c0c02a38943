import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { isRecord, parseFrame, parseLivePath } from "../gemini/protocol.js";
import type { Logger } from "../logger.js";
import { loadFvad } from "../speech/fvad.js";
import { recogniserAvailable, type Availability } from "../speech/recogniser.js";
import type { Conversation as BotConversation } from "../speech/responder.js";
import { StandInConnection } from "./connection.js";
import { demoStatus, type DemoStatus } from "./demo.js";
import type { OfflineBotDeps } from "./offlineBot.js";
import { RecogniserPool } from "./recognisers.js";
import { Synth, type Speech, type SynthEngine } from "./synth.js";

export interface StandInOptions {
  host?: string;
  port?: number;
  logger: Logger;
  engine?: SynthEngine;
  /** How far ahead of real time audio is streamed, like the real service. */
  leadMs?: number;
  chunkMs?: number;
  /** Most chunks one pump sends: the lead builds up over a few pumps instead of in one burst. */
  maxBurst?: number;
  /** The only key accepted; by default any non-empty key is (the server's offline mode sends one). */
  apiKey?: string;
  /** Send goAway this long after each connection opens, then close it (env STANDIN_GOAWAY_AFTER_SEC; 0 = never). */
  goAwayAfterSec?: number;
  /** goAway's timeLeft: how long the socket stays after it (default 5 s, env STANDIN_GOAWAY_GRACE_SEC). */
  goAwayGraceSec?: number;
  /** Refuse the Nth resumption attempt (1-based) as an expired handle (env STANDIN_REJECT_RESUME_AT). */
  rejectResumeAt?: number;
  /** What happened, for tests and the soak script. */
  onEvent?: (e: StandInEvent) => void;
  /**
   * The offline demo bot that understands: WebRTC VAD, pooled speech recognition, the responder
   * and chunked speech (env STANDIN_UNDERSTAND=1; the bot server turns it on). Off: the
   * timing-only stand-in ("[speech, 1.2 s]", "You typed: …") that the protocol tests pin down.
   */
  understand?: boolean;
  /** Most recogniser processes at once (env STANDIN_RECOGNISERS; default one per core). */
  maxRecognisers?: number;
  /** Whether recognition can run here (tests stand in for another OS with this). */
  recogniser?: () => Availability;
}

export type StandInEvent =
  | { type: "open"; conversation: number; conn: number; resumed: boolean }
  | { type: "audio"; conversation: number; conn: number; samples: number; at: number }
  | { type: "turn"; conversation: number; conn: number; how: "complete" | "interrupted" }
  | { type: "goAway"; conversation: number; conn: number }
  | { type: "rejected"; code: number; reason: string }
  | { type: "closed"; conversation: number; conn: number; code: number };

export interface StandIn {
  /** ws:// URL to hand the bridge in place of Google's endpoint (v1beta BidiGenerateContent). */
  url: string;
  /** ws://host:port, for clients that build the path themselves (@google/genai's baseUrl). */
  baseUrl: string;
  connections(): number;
  /** Cut every socket without a close frame (a lost connection, as far as clients can tell). */
  drop(): void;
  engine: Speech["engine"];
  /** What the offline bot can and cannot do here (GET /api/status reports it). */
  demo: DemoStatus;
  /** The recogniser pool, when the bot understands (the bench reads its processes' CPU). */
  recognisers: RecogniserPool | null;
  close(): Promise<void>;
}

/** What a resumption handle restores. */
export interface Conversation {
  id: number;
  turns: { role: "user" | "model"; text: string }[];
  answers: number;
  /** The offline bot's memory (what was said, the next joke). */
  bot?: BotConversation;
}

export interface StandInContext {
  opts: StandInOptions;
  counters: { toolCalls: number };
  /** Set when the stand-in runs the understanding offline bot. */
  offline?: OfflineBotDeps;
  issueHandle(conv: Conversation): string;
  emit(e: StandInEvent): void;
}

/** The request path with repeated slashes folded: @google/genai joins its base URL's "/" with "/ws/…". */
function livePath(raw: string | undefined): string {
  return new URL((raw ?? "/").replace(/^\/+/, "/"), "ws://x").pathname.replace(/\/{2,}/g, "/");
}

function num(v: string | undefined): number | undefined {
  const n = Number(v);
  return v && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * A local Gemini Live look-alike on a real WebSocket, so the bridge runs the same code path offline.
 * It checks the endpoint and key like the service, hands out resumption handles and honours them,
 * sends goAway on a schedule, usage, tool calls and grounding. With `understand`, it recognises
 * speech and answers through the offline responder; without, it reports how much it heard.
 */
export async function startStandIn(opts: StandInOptions): Promise<StandIn> {
  const env = process.env;
  const o: StandInOptions = {
    ...opts,
    goAwayAfterSec: opts.goAwayAfterSec ?? num(env.STANDIN_GOAWAY_AFTER_SEC),
    goAwayGraceSec: opts.goAwayGraceSec ?? num(env.STANDIN_GOAWAY_GRACE_SEC),
    rejectResumeAt: opts.rejectResumeAt ?? num(env.STANDIN_REJECT_RESUME_AT),
  };
  const synth = new Synth(24000, o.engine ?? "auto");
  const understand = o.understand ?? env.STANDIN_UNDERSTAND === "1";
  const avail: Availability = understand ? (o.recogniser ?? recogniserAvailable)() : { ok: false, why: "not asked for" };
  const pool = understand && avail.ok ? new RecogniserPool(o.maxRecognisers) : null;
  const offline: OfflineBotDeps | undefined = understand ? { vad: await loadFvad(), pool } : undefined;
  const demo = demoStatus(synth.engine, avail, understand);
  // Said once, at start: every call of this server will behave this way.
  if (understand && !avail.ok) o.logger.warn(`speech recognition unavailable (${avail.why}): the offline bot times speech instead of understanding it; typed text is answered`);
  if (synth.engine === "tones") o.logger.warn("espeak-ng not found: the stand-in answers in tones");
  const handles = new Map<string, Conversation>();
  let convIds = 0;
  let connIds = 0;
  let resumes = 0;
  const ctx: StandInContext = {
    opts: o,
    counters: { toolCalls: 0 },
    offline,
    issueHandle: (conv) => {
      const h = `standin-${conv.id}-${Math.random().toString(36).slice(2, 10)}`;
      handles.set(h, conv);
      return h;
    },
    emit: (e) => o.onEvent?.(e),
  };
  const http: Server = createServer((_req, res) => {
    res.writeHead(426, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "WebSocket only" }));
  });
  const wss = new WebSocketServer({
    server: http,
    maxPayload: 1 << 20,
    // An unknown method or version is not a WebSocket endpoint at all: 404 before the upgrade.
    verifyClient: (info: { req: IncomingMessage }, cb: (ok: boolean, code?: number, msg?: string) => void) => {
      const path = parseLivePath(livePath(info.req.url));
      cb(!!path && ["v1beta", "v1alpha", "v1"].includes(path.version), 404, "Not Found");
    },
  });
  const live = new Set<WebSocket>();

  const reject = (ws: WebSocket, code: number, reason: string): void => {
    ctx.emit({ type: "rejected", code, reason });
    ws.close(code, reason);
  };

  wss.on("connection", (ws, req) => {
    live.add(ws);
    const url = new URL(req.url ?? "/", "ws://x");
    const constrained = parseLivePath(livePath(req.url))?.method === "BidiGenerateContentConstrained";
    const key = constrained ? url.searchParams.get("access_token") : url.searchParams.get("key");
    let conn: StandInConnection | null = null;
    let connConv: Conversation | null = null;
    let timers: NodeJS.Timeout[] = [];
    ws.on("close", (code) => {
      live.delete(ws);
      timers.forEach(clearTimeout);
      timers = [];
      if (conn) ctx.emit({ type: "closed", conversation: connConv?.id ?? 0, conn: conn.connId, code });
      conn?.dispose();
    });
    if (!key) return reject(ws, 1008, "Method doesn't allow unregistered callers. Please use API key or other form of API consumer identity.");
    if (constrained ? !key.startsWith("auth_tokens/") : o.apiKey !== undefined && key !== o.apiKey) {
      return reject(ws, 1007, "API key not valid. Please pass a valid API key.");
    }
    ws.on("message", (data) => {
      const msg = parseFrame(data);
      if (!msg) return;
      if (conn) return conn.onMessage(msg);
      const setup = msg.setup;
      if (!isRecord(setup) || typeof setup.model !== "string") return reject(ws, 1007, "Invalid JSON payload: the first message must be setup.");
      if (!setup.model.startsWith("models/")) return reject(ws, 1008, `${setup.model} is not found or is not supported for bidiGenerateContent.`);
      const sr = isRecord(setup.sessionResumption) ? setup.sessionResumption : null;
      let conv: Conversation;
      if (sr && typeof sr.handle === "string" && sr.handle) {
        const found = handles.get(sr.handle);
        resumes++;
        if (!found || resumes === o.rejectResumeAt) return reject(ws, 1008, "Session handle is not valid or has expired.");
        conv = found;
      } else conv = { id: ++convIds, turns: [], answers: 0 };
      connConv = conv;
      conn = new StandInConnection(ws, synth, ctx, conv, setup, !!sr, ++connIds);
      conn.send({ setupComplete: {} });
      conn.sendHandle();
      ctx.emit({ type: "open", conversation: conv.id, conn: conn.connId, resumed: conv.turns.length > 0 || !!sr?.handle });
      if (o.goAwayAfterSec) {
        const grace = o.goAwayGraceSec ?? 5;
        const c = conn;
        timers.push(
          setTimeout(() => {
            ctx.emit({ type: "goAway", conversation: conv.id, conn: c.connId });
            c.send({ goAway: { timeLeft: `${grace}s` } });
            timers.push(setTimeout(() => ws.close(1000, "Session duration limit reached."), grace * 1000));
          }, o.goAwayAfterSec * 1000),
        );
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(o.port ?? 0, o.host ?? "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  const baseUrl = `ws://${o.host ?? "127.0.0.1"}:${port}`;
  return {
    url: `${baseUrl}/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent`,
    baseUrl,
    connections: () => live.size,
    drop: () => {
      for (const ws of live) ws.terminate();
    },
    engine: synth.engine,
    demo,
    recognisers: pool,
    close: () =>
      new Promise<void>((resolve) => {
        pool?.close();
        for (const ws of live) ws.terminate();
        wss.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
