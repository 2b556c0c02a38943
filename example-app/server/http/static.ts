import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".wav": "audio/wav",
  ".mp3": "audio/mpeg",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/**
 * Serve the built client from `root`; unknown paths without a file extension fall back to
 * index.html (client-side routing). Returns false when nothing was served.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (decoded.includes("\0")) return false;
  const target = normalize(join(base, decoded));
  // Never leave the static root (../ and encoded variants).
  if (target !== base && !target.startsWith(base + sep)) return false;
  let file = target;
  let st = await stat(file).catch(() => null);
  if (st?.isDirectory()) {
    file = join(file, "index.html");
    st = await stat(file).catch(() => null);
  }
  if (!st?.isFile()) {
    if (extname(decoded) !== "") return false;
    file = join(base, "index.html");
    st = await stat(file).catch(() => null);
    if (!st?.isFile()) return false;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
  const immutable = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2?|png|svg|wasm)$/.test(file);
  res.writeHead(200, {
    "content-type": type,
    "content-length": st.size,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
  });
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  await new Promise<void>((done) => {
    const s = createReadStream(file);
    s.on("error", () => {
      res.destroy();
      done();
    });
    s.on("end", done);
    s.pipe(res);
  });
  return true;
}
