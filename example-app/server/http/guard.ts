import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { HttpError } from "./errors.js";

export interface GuardConfig {
  /** The address the server listens on. */
  host: string;
  /** Origins (scheme://host[:port]) allowed besides the server's own; "*" allows any. */
  allowedOrigins: string[];
  /** Host names accepted besides loopback ones (a proxy's public name). */
  allowedHosts: string[];
  /** When set, /start and the offer routes need `Authorization: Bearer <token>`. */
  startToken: string;
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** "Example.com:7860" → "example.com"; "[::1]:7860" → "[::1]". */
function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.lastIndexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}

function normaliseOrigin(o: string): string {
  if (o === "*") return o;
  try {
    return new URL(o).origin;
  } catch {
    throw new Error(`ALLOWED_ORIGINS: "${o}" is not an origin (scheme://host[:port])`);
  }
}

export function createGuard(cfg: GuardConfig) {
  const allowed = new Set(cfg.allowedOrigins.map(normaliseOrigin));
  const loopbackBind = isLoopback(cfg.host);
  // On loopback, a Host naming anything else is a DNS-rebinding page (evil.example resolving to 127.0.0.1).
  const hosts = new Set(["localhost", cfg.host.toLowerCase(), cfg.host.includes(":") ? `[${cfg.host.toLowerCase()}]` : "", ...cfg.allowedHosts.map((h) => h.toLowerCase())]);
  const token = cfg.startToken ? Buffer.from(`Bearer ${cfg.startToken}`) : null;

  const originOf = (req: IncomingMessage): string | undefined => {
    const o = req.headers.origin;
    return typeof o === "string" ? o : undefined;
  };
  // The browser's Origin against the Host it sent: same host means the page came from here.
  // The scheme is not compared, so a TLS-terminating proxy that keeps the Host still counts as same-origin.
  const sameOrigin = (req: IncomingMessage, origin: string): boolean => {
    try {
      return new URL(origin).host === String(req.headers.host ?? "").toLowerCase();
    } catch {
      return false;
    }
  };
  const listed = (origin: string): boolean => allowed.has("*") || allowed.has(origin);

  return {
    checkHost(req: IncomingMessage): void {
      if (!loopbackBind && cfg.allowedHosts.length === 0) return;
      const h = req.headers.host;
      if (!h) throw new HttpError(400, "Host header required");
      if (!hosts.has(hostName(h))) throw new HttpError(403, `Host "${h.slice(0, 100)}" is not served here (this server answers to ${[...hosts].filter(Boolean).join(", ")})`);
    },

    /** Requests that change state: a foreign Origin is refused with the reason. */
    checkOrigin(req: IncomingMessage): void {
      const origin = originOf(req);
      // Non-browser clients (curl, Pipecat's runner tests, the loopback caller) send no Origin.
      if (origin === undefined || sameOrigin(req, origin) || listed(origin)) return;
      throw new HttpError(403, `Origin ${origin.slice(0, 100)} is not allowed: this server accepts same-origin requests only (list other origins in ALLOWED_ORIGINS)`);
    },

    /** CORS response headers: only for a listed foreign origin, never a wildcard. */
    cors(req: IncomingMessage, preflight: boolean): Record<string, string> {
      const origin = originOf(req);
      if (origin === undefined || sameOrigin(req, origin) || !listed(origin)) return allowed.size ? { vary: "origin" } : {};
      const h: Record<string, string> = { "access-control-allow-origin": origin, vary: "origin" };
      if (preflight) {
        h["access-control-allow-methods"] = "GET, POST, PATCH, OPTIONS";
        h["access-control-allow-headers"] = "content-type, authorization";
        h["access-control-max-age"] = "600";
      }
      return h;
    },

    checkToken(req: IncomingMessage): void {
      if (!token) return;
      const got = Buffer.from(String(req.headers.authorization ?? ""));
      if (got.length !== token.length || !timingSafeEqual(got, token)) {
        throw new HttpError(401, "Missing or wrong bearer token (START_TOKEN is set on this server)", { "www-authenticate": 'Bearer realm="bot"' });
      }
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;
