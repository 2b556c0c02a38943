/** CLI: `npm run server` in example-app (or `npx tsx example-app/server/index.ts`). */
import { dirname, join } from "node:path";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadDotEnv } from "./config.js";
import { startServer } from "./server.js";

const here = dirname(fileURLToPath(import.meta.url));
loadDotEnv(join(process.cwd(), ".env"));
loadDotEnv(join(here, "..", ".env"));

const dist = join(here, "..", "dist");
const staticDir = process.env.STATIC_DIR || (existsSync(dist) ? dist : undefined);
const server = await startServer({ staticDir });
const who = server.mode === "offline-demo" ? "the offline demo bot (no GEMINI_API_KEY set)" : "Gemini Live";
console.log(staticDir ? `\n  Voice demo ready: open ${server.url} in Chrome or Chromium (talking to ${who}).\n` : `\n  Bot server on ${server.url} (talking to ${who}); no built client to serve.\n`);

let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void server.close().then(() => process.exit(0));
  });
}
