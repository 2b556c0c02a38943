import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botInk, connectCall, guardNetwork, hangUp, launch, micLevel, openApp, speechWav, startApp, expectTypedTurnAnswered, typeMessage, until, type AppServer } from "./harness";

let server: AppServer & { logs: string[] };
let browser: Browser;

beforeAll(async () => {
  server = await startApp();
  browser = await launch(speechWav("weather", "Hello there. What is the weather like on Mars today?", 9));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the example app in Chromium with a fake microphone, offline", () => {
  it("a full voice turn: mic level, server hears it, bot answers, transcript, bot level, back to idle", async () => {
    const context = await browser.newContext();
    const external = await guardNetwork(context);
    const { page, errors } = await openApp(context, server.url);
    await page.getByText("Offline demo bot").waitFor();
    const idleInk = await botInk(page);

    await connectCall(page);
    await until(() => micLevel(page), (l) => l > 0.05, 20_000, "the mic level to rise above silence");

    // The stand-in transcribes what it heard: words with a recogniser (which words and which answer:
    // test/e2e/offline-bot.test.ts), else honestly how long the speech lasted ("[speech, 2.6 s]").
    const log = page.getByRole("log");
    await log.locator('[data-role="user"][data-final] [data-slot="text"]').filter({ hasText: /\[speech, \d+(\.\d+)? s\]|[a-z]{2,}/ }).first().waitFor({ timeout: 30_000 });
    await log.locator('[data-role="assistant"] [data-slot="text"]').filter({ hasText: /offline|[a-z]{3,}/i }).first().waitFor({ timeout: 30_000 });
    await until(() => botInk(page), (ink) => ink > idleInk * 1.5 && ink > 0.02, 20_000, "the bot visualizer to show audio");

    await hangUp(page, server);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("typed text shows at once and the bot answers it", async () => {
    const context = await browser.newContext();
    const external = await guardNetwork(context);
    const { page, errors } = await openApp(context, server.url);
    await connectCall(page);
    await expectTypedTurnAnswered(page, "Tell me about Jupiter");
    await hangUp(page, server);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("works with the keyboard alone", async () => {
    const context = await browser.newContext();
    await guardNetwork(context);
    const { page, errors } = await openApp(context, server.url);
    const focused = () => page.evaluate(() => (document.activeElement?.getAttribute("aria-label") || document.activeElement?.textContent || document.activeElement?.tagName || "").trim());
    const tabTo = async (want: RegExp) => {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press("Tab");
        if (want.test(await focused())) return;
      }
      throw new Error(`Tab never reached ${want}`);
    };
    await tabTo(/^Connect$/);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Disconnect" }).waitFor({ timeout: 30_000 });
    await tabTo(/^Mute$/);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Mute", pressed: true }).waitFor();
    await tabTo(/^TEXTAREA$/);
    await page.keyboard.type("typed with keys");
    await page.keyboard.press("Enter");
    await page.getByRole("log").getByText(/You typed: typed with keys/).first().waitFor({ timeout: 30_000 });
    await tabTo(/^Disconnect$/);
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Connect" }).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await context.close();
    await until(async () => server.stats().calls, (n) => n === 0, 15_000, "the call to be freed");
  });

  it("three browser contexts: three calls, isolated transcripts, all freed", async () => {
    await until(async () => server.stats().calls, (n) => n === 0, 15_000, "earlier calls to be freed");
    const contexts = await Promise.all([0, 1, 2].map(() => browser.newContext()));
    const pages = await Promise.all(contexts.map(async (c) => (await openApp(c, server.url)).page));
    await Promise.all(pages.map((p) => p.getByRole("button", { name: "Connect" }).click()));
    await Promise.all(pages.map((p) => p.getByRole("button", { name: "Disconnect" }).waitFor({ timeout: 45_000 })));
    expect(server.stats().calls).toBe(3);
    await Promise.all(
      pages.map(async (p, i) => {
        await typeMessage(p, `secret number ${i}`);
        await p.getByRole("log").getByText(`You typed: secret number ${i}`, { exact: false }).first().waitFor({ timeout: 30_000 });
      }),
    );
    for (const [i, p] of pages.entries()) {
      const text = (await p.getByRole("log").textContent()) ?? "";
      for (const j of [0, 1, 2]) if (j !== i) expect(text).not.toContain(`secret number ${j}`);
    }
    await Promise.all(contexts.map((c) => c.close()));
    await until(async () => server.stats().calls, (n) => n === 0, 20_000, "all three calls to be freed");
  });
});
