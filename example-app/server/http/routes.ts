import type { IncomingMessage, ServerResponse } from "node:http";
import type { Mode } from "../call.js";
import type { Logger } from "../logger.js";
import { HttpError, readOffer, readPatch, type SessionManager } from "../sessions.js";
import { serveStatic } from "./static.js";

export interface HttpDeps {
  sessions: SessionManager;
  mode: Mode;
  maxBodyBytes: number;
  staticDir: string | undefined;
  iceConfig: { iceServers: { urls: string | string[]; username?: string; credential?: string }[] } | undefined;
  logger: Logger;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PATCH, OPTIONS",
  "access-control-allow-headers": "content-type, authorization",
  "access-control-max-age": "600",
};

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...CORS, ...extra });
  res.end(text);
}

/** Read a JSON body with a size cap; an empty body is `undefined`. */
async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > max) throw new HttpError(413, `Body larger than ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new HttpError(413, `Body larger than ${max} bytes`);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const type = String(req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") throw new HttpError(415, "Content-Type must be application/json");
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "Malformed JSON");
  }
}

type Route = { methods: string[]; handle: (req: IncomingMessage, res: ServerResponse, params: string[]) => Promise<void> };

export function createHandler(d: HttpDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const offerRoute = (sessionFromPath: boolean): Route => ({
    methods: ["POST", "PATCH"],
    handle: async (req, res, params) => {
      const sessionId = sessionFromPath ? params[0]! : null;
      if (sessionId !== null && !d.sessions.hasSession(sessionId)) throw new HttpError(404, "Unknown session");
      const body = await readJson(req, d.maxBodyBytes);
      if (req.method === "POST") json(res, 200, await d.sessions.offer(sessionId, readOffer(body)));
      else {
        await d.sessions.addCandidates(sessionId, readPatch(body));
        json(res, 200, { status: "success" });
      }
    },
  });
  const routes: [RegExp, Route][] = [
    [
      /^\/start$/,
      {
        methods: ["POST"],
        handle: async (req, res) => {
          await readJson(req, d.maxBodyBytes);
          const sessionId = d.sessions.createSession();
          json(res, 200, d.iceConfig ? { sessionId, iceConfig: d.iceConfig } : { sessionId });
        },
      },
    ],
    [/^\/api\/offer$/, offerRoute(false)],
    [/^\/sessions\/([^/]+)\/api\/offer$/, offerRoute(true)],
    [
      /^\/api\/status$/,
      {
        methods: ["GET", "HEAD"],
        handle: async (_req, res) => json(res, 200, { mode: d.mode, calls: d.sessions.stats().calls }),
      },
    ],
  ];

  return (req, res) => {
    const started = Date.now();
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const run = async (): Promise<void> => {
      if (req.method === "OPTIONS") {
        res.writeHead(204, CORS);
        res.end();
        return;
      }
      for (const [re, route] of routes) {
        const m = re.exec(path);
        if (!m) continue;
        if (!route.methods.includes(req.method ?? "")) {
          throw new HttpError(405, `Method ${req.method} not allowed`);
        }
        await route.handle(req, res, m.slice(1).map((s) => decodeURIComponent(s)));
        return;
      }
      if (d.staticDir && (req.method === "GET" || req.method === "HEAD") && !path.startsWith("/api/")) {
        if (await serveStatic(d.staticDir, req, res, path)) return;
      }
      throw new HttpError(404, "Not found");
    };
    run()
      .catch((e: unknown) => {
        if (e instanceof HttpError) {
          const allow: Record<string, string> = e.status === 405 ? { allow: allowFor(routes, path) } : {};
          // Stop reading an oversized upload: the connection is not reusable.
          if (e.status === 413) res.setHeader("connection", "close");
          json(res, e.status, { error: e.message }, allow);
        } else {
          d.logger.error(`${req.method} ${path} failed`, e);
          json(res, 500, { error: "Internal server error" });
        }
      })
      .finally(() => d.logger.debug(`${req.method} ${path} ${res.statusCode} ${Date.now() - started}ms`));
  };
}

function allowFor(routes: [RegExp, Route][], path: string): string {
  const r = routes.find(([re]) => re.test(path));
  return r ? [...r[1].methods, "OPTIONS"].join(", ") : "";
}
