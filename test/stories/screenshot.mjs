// Takes the README's picture from the built Storybook (run `npm run build-storybook` first):
// the whole-app "Mid Conversation" story at 1280×800 in Debian's headless Chromium, saved
// as docs/screenshot-storybook.png. Usage: node test/stories/screenshot.mjs [storyId] [out]
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const site = join(root, "storybook-static");
const storyId = process.argv[2] ?? "app-voice-app--mid-conversation";
const out = resolve(root, process.argv[3] ?? "docs/screenshot-storybook.png");
if (!existsSync(join(site, "iframe.html"))) {
  console.error("storybook-static/ is missing: run `npm run build-storybook` first.");
  process.exit(1);
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2" };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  const file = join(site, path.endsWith("/") ? `${path}index.html` : path);
  if (!file.startsWith(site) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const { port } = server.address();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: "light" });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${storyId}&viewMode=story&globals=theme:light`);
  // The story's play function has finished: Storybook reports the story as played.
  await page.waitForFunction(
    () => {
      const preview = globalThis.__STORYBOOK_PREVIEW__;
      const render = preview?.currentRender;
      return ["played", "completing", "completed", "errored"].includes(render?.phase);
    },
    null,
    { timeout: 60_000 },
  );
  const status = await page.evaluate(() => globalThis.__STORYBOOK_PREVIEW__?.currentRender?.phase);
  if (status === "errored") throw new Error(`The story's play function failed (${status}).`);
  // Let the visualizer's rAF loop settle on the last level.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
  await page.screenshot({ path: out });
  if (errors.length) throw errors[0];
  console.log(`${storyId} (${status}) → ${out}`);
} finally {
  await browser.close();
  server.close();
}
