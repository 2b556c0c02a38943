import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startServer } from "../../example-app/server/server";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium";

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, "../..");
export const APP_DIST = join(ROOT, "example-app/dist");
export const TMP = join(ROOT, ".tmp/e2e");
export { CHROMIUM };

export type AppServer = Awaited<ReturnType<typeof startServer>>;

/** The example server on a free loopback port, serving the built client, offline stand-in. */
export async function startApp(port = 0): Promise<AppServer & { logs: string[] }> {
  const logs: string[] = [];
  delete process.env.GEMINI_API_KEY;
  const server = await startServer({ port, host: "127.0.0.1", staticDir: APP_DIST, logSink: (_level, line) => logs.push(line) });
  return Object.assign(server, { logs });
}

/** A spoken WAV for Chromium's fake microphone, made at test time with espeak-ng and sox. */
export function speechWav(name: string, text: string, silenceAfterS = 1.0): string {
  mkdirSync(TMP, { recursive: true });
  const raw = join(TMP, `${name}-raw.wav`);
  const out = join(TMP, `${name}-${silenceAfterS}.wav`);
  if (!existsSync(out)) {
    execFileSync("espeak-ng", ["-w", raw, text]);
    // 48 kHz mono 16-bit, half a second of silence before and some after. Chromium loops the
    // file, so the silence after is the time the bot has to answer before the user speaks again.
    execFileSync("sox", [raw, "-r", "48000", "-c", "1", "-b", "16", out, "pad", "0.5", String(silenceAfterS)]);
  }
  return out;
}

const BASE_ARGS = [...CHROMIUM_ARGS, "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns"];

/** Debian Chromium with a fake microphone playing `wav` (or no media flags at all). */
export async function launch(wav?: string): Promise<Browser> {
  const media = wav ? ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-audio-capture=${wav}`] : [];
  return chromium.launch({ executablePath: CHROMIUM, args: [...BASE_ARGS, ...media] });
}

/** Aborts and counts every request that would leave the machine. */
export async function guardNetwork(context: BrowserContext): Promise<string[]> {
  const external: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    const local = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname) || ["data:", "blob:"].includes(url.protocol);
    if (local) return route.continue();
    external.push(url.href);
    return route.abort();
  });
  return external;
}

/** Opens the app with console errors and page errors collected. */
export async function openApp(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.getByRole("button", { name: /connect/i }).waitFor();
  return { page, errors };
}

/** The mic level the MicToggle's meter shows (written by the level bus, no React). */
export function micLevel(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-rtvi-mic-toggle] [data-slot="meter"]');
    return Number.parseFloat(el?.style.getPropertyValue("--rtvi-mic-level") || "0");
  });
}

/** How much of the bot visualizer's canvas is painted: rises with the bot's audio level. */
export function botInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>(".app-bot-visualizer canvas");
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx || canvas.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 32) ink++;
    return ink / (canvas.width * canvas.height);
  });
}

/** Polls `probe` until `ok` holds, for conditions the page exposes no event for. */
export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!ok(last)) {
    if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
    last = await probe();
  }
  return last;
}

/** Presses Connect and waits until the bot is ready (the button offers Disconnect). */
export async function connectCall(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(Connect|Retry)$/ }).click();
  await page.getByRole("button", { name: "Disconnect" }).waitFor({ timeout: 45_000 });
}

/** Hangs up and waits until the UI is idle and the server has freed every call. */
export async function hangUp(page: Page, server: AppServer): Promise<void> {
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("button", { name: "Connect" }).waitFor({ timeout: 15_000 });
  await until(async () => server.stats().calls, (n) => n === 0, 15_000, "the server to free the call");
}

/** A typed turn: it shows at once, then the offline bot answers it ("You typed: …"). */
export async function expectTypedTurnAnswered(page: Page, text: string): Promise<void> {
  await typeMessage(page, text);
  const log = page.getByRole("log");
  await log.getByText(text, { exact: true }).waitFor({ timeout: 2_000 });
  await log.getByText(`You typed: ${text}`, { exact: false }).first().waitFor({ timeout: 30_000 });
}

/** Mutes the mic (the fake microphone would talk over a typed turn), then sends `text`. */
export async function typeMessage(page: Page, text: string): Promise<void> {
  const mute = page.getByRole("button", { name: "Mute", pressed: false });
  if (await mute.count()) await mute.click();
  await page.getByRole("button", { name: "Mute", pressed: true }).waitFor();
  const input = page.getByRole("textbox", { name: /message/i });
  await input.fill(text);
  await input.press("Enter");
}
