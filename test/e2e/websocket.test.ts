import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectCall, guardNetwork, hangUp, launch, micLevel, openApp, speechWav, startApp, expectTypedTurnAnswered, until, type AppServer } from "./harness";

// The voice turn, typed text and barge-in of voice.test.ts / offline-bot.test.ts, on Pipecat's
// WebSocket transport (?transport=websocket): WavMediaManager records and plays, no tracks for the bot.
let server: AppServer & { logs: string[] };
const browsers: Browser[] = [];

async function open(name: string, text: string, silenceS: number): Promise<{ page: Page; errors: string[]; external: string[] }> {
  const browser = await launch(speechWav(name, text, silenceS));
  browsers.push(browser);
  const context = await browser.newContext();
  const external = await guardNetwork(context);
  const { page, errors } = await openApp(context, `${server.url}/?transport=websocket`);
  return { page, errors, external };
}

const botTurns = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-slot="turn"][data-role="bot"], [data-slot="turn"][data-role="assistant"]')].map((el) => ({ text: el.textContent ?? "", interrupted: el.hasAttribute("data-interrupted") })));

beforeAll(async () => {
  server = await startApp();
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
});

describe("the example app on the WebSocket transport, in Chromium with a fake microphone, offline", () => {
  it("a full voice turn: mic level, the server hears it over the socket, the bot answers; the bot visualizer says it has no level source", async () => {
    const { page, errors, external } = await open("ws-weather", "Hello there. What is the weather like on Mars today?", 9);
    expect(await page.getByRole("checkbox", { name: /WebSocket transport/ }).isChecked()).toBe(true);
    await connectCall(page);
    expect(server.logs.some((l) => /websocket/i.test(l)) || server.stats().calls === 1).toBe(true);
    await until(() => micLevel(page), (l) => l > 0.05, 20_000, "the mic level to rise above silence");
    const log = page.getByRole("log");
    await log.getByText(/offline demo bot|\[speech, \d+(\.\d+)? s\]/i).first().waitFor({ timeout: 30_000 });
    // No bot track and no level events on this transport: an explicit no-signal state, not frozen bars.
    const bot = page.locator(".app-bot-visualizer");
    expect(await bot.getAttribute("data-signal")).toBe("none");
    expect(await bot.getAttribute("aria-label")).toMatch(/no audio level/);
    expect(await page.locator(".app-mic-visualizer").getAttribute("data-signal")).toBeNull();
    // Audio only here: no camera or screen controls or tiles, no speaker or volume that would not
    // reach the transport's own player, and a sentence that says so.
    for (const part of [".app-camera", ".app-screen-share", ".app-self-view", ".app-screen-view", ".app-settings [role='slider']"]) expect(await page.locator(part).count()).toBe(0);
    await page.getByText(/call is audio only/).waitFor();
    expect(await page.locator(".app-settings select").count()).toBe(1);
    await hangUp(page, server);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("typed text shows at once and the bot answers it", async () => {
    const { page, errors } = await open("ws-weather", "Hello there. What is the weather like on Mars today?", 9);
    await connectCall(page);
    await expectTypedTurnAnswered(page, "Tell me about Jupiter");
    await hangUp(page, server);
    expect(errors).toEqual([]);
  });

  it("a barge-in mid-answer interrupts the bot's turn", async () => {
    // The long "what can you do" answer (~12 s) is talked over when the microphone loops after ~4 s.
    const { page, errors } = await open("ask-abilities", "What can you do?", 4);
    await connectCall(page);
    await until(() => botTurns(page), (b) => b.some((t) => t.interrupted && t.text.length > 0), 45_000, "an interrupted bot turn");
    await hangUp(page, server);
    expect(errors).toEqual([]);
  });
});
