import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factsOf } from "../../example-app/server/video/analyse";
import { CHROMIUM_ARGS } from "../support/chromium";
import { CHROMIUM, connectCall, guardNetwork, hangUp, openApp, startApp, TMP, typeMessage, until, type AppServer } from "./harness";

let server: AppServer & { logs: string[] };
let browser: Browser;

/** A one-colour camera for Chromium (it loops the file): 640 × 480 of 0xc00000, which the bot must call red (Chromium's own pattern is mostly green). */
function solidY4m(): string {
  mkdirSync(TMP, { recursive: true });
  const out = join(TMP, "solid-red-640x480.y4m");
  if (!existsSync(out)) {
    execFileSync("ffmpeg", ["-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=0xc00000:s=640x480:r=10", "-t", "1", "-pix_fmt", "yuv420p", out]);
  }
  return out;
}

beforeAll(async () => {
  server = await startApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      "--allow-loopback-in-peer-connection",
      "--disable-features=WebRtcHideLocalIpsWithMdns",
      // A fake camera playing one solid colour, and no permission prompts. getDisplayMedia
      // still gets Chromium's moving test pattern: the file is only the camera's.
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${solidY4m()}`,
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const videoStats = () => server.stats().metrics.video;

/** Frames the tile's <video> has presented so far (requestVideoFrameCallback counts them). */
async function countFrames(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const v = document.querySelector<HTMLVideoElement>(`${sel} video`)!;
    const w = window as unknown as Record<string, number>;
    w[sel] = 0;
    const tick = (): void => {
      w[sel]!++;
      v.requestVideoFrameCallback(tick);
    };
    v.requestVideoFrameCallback(tick);
  }, selector);
}
const framesShown = (page: Page, selector: string) => page.evaluate((sel) => (window as unknown as Record<string, number>)[sel] ?? 0, selector);

/** The colour the test itself sees in the tile: the same facts the bot computes, from the page's pixels. */
async function tileColour(page: Page, selector: string): Promise<string> {
  const rgb = await page.evaluate((sel) => {
    const v = document.querySelector<HTMLVideoElement>(`${sel} video`)!;
    const c = document.createElement("canvas");
    c.width = 64;
    c.height = 48;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(v, 0, 0, 64, 48);
    const d = ctx.getImageData(0, 0, 64, 48).data;
    const out: number[] = [];
    for (let i = 0; i < d.length; i += 4) out.push(d[i]!, d[i + 1]!, d[i + 2]!);
    return out;
  }, selector);
  return factsOf(Uint8Array.from(rgb), 64, 48).colour;
}

const lastBotText = (page: Page) =>
  page.evaluate(() => {
    const turns = [...document.querySelectorAll('[data-slot="turn"][data-role="bot"], [data-slot="turn"][data-role="assistant"]')];
    return (turns.at(-1)?.querySelector('[data-slot="text"]')?.textContent ?? "").replace(/\s+/g, " ").trim();
  });

/** Starts a screen share from the app and waits until its tile is live and a picture reached the model. */
async function shareScreen(page: Page, what: string): Promise<Locator> {
  await page.getByRole("button", { name: "Share screen", pressed: false }).click();
  const tile = page.getByRole("group", { name: "Your screen" });
  await until(() => tile.getAttribute("data-state"), (s) => s === "live", 20_000, "the screen tile to be live");
  const sentBefore = videoStats().sent;
  await until(async () => videoStats().sent, (n) => n > sentBefore, 30_000, what);
  return tile;
}

async function ask(page: Page, pattern: RegExp): Promise<string> {
  await typeMessage(page, "What do you see?");
  return until(() => lastBotText(page), (t) => pattern.test(t), 30_000, `an answer matching ${pattern}`);
}

describe("video to the bot in Chromium", () => {
  it("camera on (a solid red fake camera): the tile shows advancing frames, the server receives frames and the bot says red; camera off: frames stop", async () => {
    const context = await browser.newContext();
    const external = await guardNetwork(context);
    const { page, errors } = await openApp(context, server.url);
    await connectCall(page);
    const before = videoStats().frames;

    await page.getByRole("button", { name: "Camera", pressed: false }).click();
    const tile = page.getByRole("group", { name: "Your camera" });
    await until(() => tile.getAttribute("data-state"), (s) => s === "live", 20_000, "the self view to be live");
    expect(await tile.getAttribute("data-mirrored")).toBe("");
    await countFrames(page, ".app-self-view");
    await until(() => framesShown(page, ".app-self-view"), (n) => n >= 10, 20_000, "the tile to present frames");
    await until(async () => videoStats(), (v) => v.frames - before >= 10 && v.sent >= 1, 30_000, "the server to receive frames and send a picture");

    const colour = await tileColour(page, ".app-self-view");
    const answer = await ask(page, /picture, \d+ by \d+/);
    expect(answer).toContain(`${colour} picture`);
    expect(colour).toBe("red");
    expect(answer).toMatch(/entirely red picture, 640 by 480/);

    await page.getByRole("button", { name: "Camera", pressed: true }).click();
    await until(() => tile.getAttribute("data-state"), (s) => s === "off", 10_000, "the self view to be off");
    await until(async () => videoStats().activeTracks, (n) => n === 0, 10_000, "the server to stop the camera");
    const stopped = videoStats().frames;
    // A full typed turn later, still no frame has arrived.
    await typeMessage(page, "hello");
    await until(() => lastBotText(page), (t) => /hello/i.test(t), 30_000, "the bot's answer to hello");
    expect(videoStats().frames).toBe(stopped);
    expect(await page.evaluate(() => document.querySelector<HTMLVideoElement>(".app-self-view video")?.srcObject ?? null)).toBeNull();

    await hangUp(page, server);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  // With --use-fake-ui-for-media-stream, Chromium answers getDisplayMedia with its fake screen
  // (a moving pattern, not the camera's file), so the bot must name the colour the test itself
  // reads from the screen tile; the next test shares a real tab of one colour.
  it("screen share: the tile goes live, pictures reach the model, the bot names the colour; stopping ends the frames", async () => {
    const context = await browser.newContext();
    await guardNetwork(context);
    const { page, errors } = await openApp(context, server.url);
    await connectCall(page);

    const tile = await shareScreen(page, "a screen picture sent to the model");
    expect(await tile.getAttribute("data-mirrored")).toBeNull();
    const colour = await tileColour(page, ".app-screen-view");
    const answer = await ask(page, /picture, \d+ by \d+/);
    expect(answer).toContain(`${colour} picture`);

    await page.getByRole("button", { name: "Share screen", pressed: true }).click();
    await until(async () => videoStats().activeTracks, (n) => n === 0, 10_000, "the server to stop the screen");
    const stopped = videoStats().frames;
    await typeMessage(page, "hello");
    await until(() => lastBotText(page), (t) => /hello/i.test(t), 30_000, "the bot's answer to hello");
    expect(videoStats().frames).toBe(stopped);

    await hangUp(page, server);
    expect(errors).toEqual([]);
    await context.close();
  });

  // A real tab capture, so what is shared is a page filled with one colour. It needs its own
  // browser: --use-fake-ui-for-media-stream would pick a screen (none in headless, or the fake
  // pattern), so permissions are granted instead and the tab is picked by its title.
  it("screen share of a page filled with one blue: the bot says blue", async () => {
    const title = "Solid blue page";
    const tabBrowser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        ...CHROMIUM_ARGS,
        "--allow-loopback-in-peer-connection",
        "--disable-features=WebRtcHideLocalIpsWithMdns",
        "--use-fake-device-for-media-stream",
        `--auto-select-tab-capture-source-by-title=${title}`,
      ],
    });
    try {
      const context = await tabBrowser.newContext();
      await context.grantPermissions(["microphone", "camera"]);
      const external = await guardNetwork(context);
      const solid = await context.newPage();
      // Tab capture only yields a frame when the page repaints, so the blue flips by one step each frame.
      await solid.setContent(
        `<title>${title}</title><body style="margin:0;background:#0000c0"><script>let n = 0; const paint = () => { document.body.style.background = n++ % 2 ? "#0000c0" : "#0000c1"; requestAnimationFrame(paint); }; paint();</script></body>`,
      );
      const { page, errors } = await openApp(context, server.url);
      await connectCall(page);

      await shareScreen(page, "a picture of the blue tab sent to the model");
      expect(await tileColour(page, ".app-screen-view")).toBe("blue");
      const answer = await ask(page, /picture, \d+ by \d+/);
      expect(answer).toMatch(/entirely blue picture/);

      await page.getByRole("button", { name: "Share screen", pressed: true }).click();
      await until(async () => videoStats().activeTracks, (n) => n === 0, 10_000, "the server to stop the screen");
      await hangUp(page, server);
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      await context.close();
    } finally {
      await tabBrowser.close();
    }
  });
});
