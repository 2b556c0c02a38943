import type { IncomingMessage, ServerResponse } from "node:http";
import type { Mode } from "../call.js";
import type { Logger } from "../logger.js";
import type { DemoStatus } from "../standin/demo.js";
import { readOffer, readPatch, type SessionManager } from "../sessions.js";
import { HttpError, json, readJson, tooMany } from "./errors.js";
import type { Guard } from "./guard.js";
import { clientAddress, RateLimiter } from "./limits.js";
import { serveStatic } from "./static.js";
import { wsUrlFor } from "../transports/websocket/upgrade.js";

export interface HttpLimits {
  maxBodyBytes: number;
  /** Requests per minute per client address (bursts up to the same number); 0 = unlimited. */
  startPerMin: number;
  offersPerMin: number;
  candidatesPerMin: number;
}

export interface HttpDeps {
  sessions: SessionManager;
  mode: Mode;
  limits: HttpLimits;
  guard: Guard;
  staticDir: string | undefined;
  iceConfig: { iceServers: { urls: string | string[]; username?: string; credential?: string }[] } | undefined;
  logger: Logger;
  /** Offline mode: what the demo bot can and cannot do here (the UI's badge explains it). */
  demo?: DemoStatus;
}

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  params: string[];
  client: string;
  cors: Record<string, string>;
}

type Route = { methods: string[]; handle: (c: Ctx) => Promise<void> };

function decodeParam(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new HttpError(400, "Malformed percent-encoding in the path");
  }
}

export function createHandler(d: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const limiters = {
    start: new RateLimiter(d.limits.startPerMin),
    offer: new RateLimiter(d.limits.offersPerMin),
    candidates: new RateLimiter(d.limits.candidatesPerMin),
  };
  const limit = (which: keyof typeof limiters, client: string): void => {
    const wait = limiters[which].take(client);
    if (wait > 0) throw tooMany(`Too many ${which === "start" ? "/start" : which} requests from this address; retry later`, wait);
  };

  const offerRoute = (sessionFromPath: boolean): Route => ({
    methods: ["POST", "PATCH"],
    handle: async ({ req, res, params, client, cors }) => {
      const patch = req.method === "PATCH";
      limit(patch ? "candidates" : "offer", client);
      d.guard.checkToken(req);
      const sessionId = sessionFromPath ? params[0]! : null;
      if (sessionId !== null && !d.sessions.hasSession(sessionId)) throw new HttpError(404, "Unknown session");
      const body = await readJson(req, d.limits.maxBodyBytes);
      if (!patch) json(res, 200, await d.sessions.offer(sessionId, readOffer(body)), cors);
      else {
        await d.sessions.addCandidates(sessionId, readPatch(body));
        json(res, 200, { status: "success" }, cors);
      }
    },
  });
  const routes: [RegExp, Route][] = [
    [
      /^\/start$/,
      {
        methods: ["POST"],
        handle: async ({ req, res, client, cors }) => {
          limit("start", client);
          d.guard.checkToken(req);
          const transport = readTransport(await readJson(req, d.limits.maxBodyBytes));
          const sessionId = d.sessions.createSession(client);
          // WebSocketTransport takes the answer as its connect parameters and refuses any but wsUrl and token.
          if (transport === "websocket") json(res, 200, { wsUrl: wsUrlFor(req, sessionId), token: d.sessions.issueTicket(sessionId) }, cors);
          else json(res, 200, d.iceConfig ? { sessionId, iceConfig: d.iceConfig } : { sessionId }, cors);
        },
      },
    ],
    [/^\/api\/offer$/, offerRoute(false)],
    [/^\/sessions\/([^/]+)\/api\/offer$/, offerRoute(true)],
    [
      /^\/api\/status$/,
      {
        methods: ["GET", "HEAD"],
        handle: async ({ res, cors }) => json(res, 200, { mode: d.mode, calls: d.sessions.stats().calls, ...(d.demo ? { demo: d.demo } : {}) }, cors),
      },
    ],
  ];

  return (req, res) => {
    const started = Date.now();
    let path = "/";
    const run = async (): Promise<void> => {
      d.guard.checkHost(req);
      try {
        path = new URL(req.url ?? "/", "http://localhost").pathname;
      } catch {
        throw new HttpError(400, "Malformed request target");
      }
      const method = req.method ?? "";
      if (method === "OPTIONS") {
        // A preflight from a foreign origin learns nothing: no allow headers, and the reason.
        if (req.headers.origin !== undefined) d.guard.checkOrigin(req);
        res.writeHead(204, d.guard.cors(req, true));
        res.end();
        return;
      }
      if (method !== "GET" && method !== "HEAD") d.guard.checkOrigin(req);
      const ctx: Ctx = { req, res, params: [], client: clientAddress(req.socket.remoteAddress), cors: d.guard.cors(req, false) };
      for (const [re, route] of routes) {
        const m = re.exec(path);
        if (!m) continue;
        if (!route.methods.includes(method)) throw new HttpError(405, `Method ${method} not allowed`, { allow: [...route.methods, "OPTIONS"].join(", ") });
        ctx.params = m.slice(1).map(decodeParam);
        await route.handle(ctx);
        return;
      }
      if (d.staticDir && (method === "GET" || method === "HEAD") && !path.startsWith("/api/")) {
        if (await serveStatic(d.staticDir, req, res, path)) return;
      }
      throw new HttpError(404, "Not found");
    };
    run()
      .catch((e: unknown) => {
        if (e instanceof HttpError) {
          // Stop reading an oversized upload: the connection is not reusable.
          if (e.status === 413) res.setHeader("connection", "close");
          json(res, e.status, { error: e.message }, { ...safeCors(d.guard, req), ...e.headers });
        } else {
          d.logger.error(`${req.method} ${path} failed`, e);
          json(res, 500, { error: "Internal server error" });
        }
      })
      .finally(() => d.logger.debug(`${req.method} ${path} ${res.statusCode} ${Date.now() - started}ms`));
  };
}

/** `{"transport": "websocket"}` picks Pipecat's WebSocket transport; WebRTC (SmallWebRTC) otherwise. */
function readTransport(body: unknown): "webrtc" | "websocket" {
  const t = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).transport : undefined;
  if (t === undefined || t === "webrtc") return "webrtc";
  if (t === "websocket") return "websocket";
  throw new HttpError(400, 'transport must be "webrtc" or "websocket"');
}

/** A listed origin may read why it was refused (429, 401); anyone else gets no CORS headers. */
function safeCors(guard: Guard, req: IncomingMessage): Record<string, string> {
  try {
    return guard.cors(req, false);
  } catch {
    return {};
  }
}
