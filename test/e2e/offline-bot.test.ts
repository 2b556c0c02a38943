import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { recogniserAvailable } from "../../example-app/server/speech/recogniser";
import { JOKES, createConversation, respond } from "../../example-app/server/speech/responder";
import { connectCall, guardNetwork, hangUp, launch, openApp, speechWav, startApp, until, type AppServer } from "./harness";

/** The bot's long answers (who it is, what it can do): what a barge-in cuts short. */
const LONG_ANSWERS = ["what can you do", "who are you", "what are you"].map((text) => {
  const r = respond(createConversation(), { text, source: "speech" });
  return r.kind === "say" ? r.text : "";
});

let server: AppServer & { logs: string[] };
const browsers: Browser[] = [];

/** Every state the user's turns went through, recorded by a MutationObserver in the page. */
async function recordUserTurns(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { userTurns: { live: boolean; text: string }[] };
    w.userTurns = [];
    const seen = new Map<Element, string>();
    const look = (): void => {
      for (const el of document.querySelectorAll('[data-slot="turn"][data-role="user"]')) {
        const live = el.hasAttribute("data-live");
        // An interim transcript is the turn's live tail (data-slot="pending"), the final one its text.
        const text = ["text", "pending"].map((s) => el.querySelector(`[data-slot="${s}"]`)?.textContent ?? "").join(" ").trim();
        const key = `${live}|${text}`;
        if (seen.get(el) === key) continue;
        seen.set(el, key);
        w.userTurns.push({ live, text });
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const userTurns = (page: Page): Promise<{ live: boolean; text: string }[]> =>
  page.evaluate(() => (window as unknown as { userTurns: { live: boolean; text: string }[] }).userTurns);

const botTexts = (page: Page): Promise<{ text: string; interrupted: boolean; final: boolean }[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-slot="turn"][data-role="bot"], [data-slot="turn"][data-role="assistant"]')].map((el) => ({
      text: (el.querySelector('[data-slot="text"]')?.textContent ?? "").replace(/\s+/g, " ").trim(),
      interrupted: el.hasAttribute("data-interrupted"),
      final: el.hasAttribute("data-final"),
    })),
  );

/** A browser whose fake microphone says `text`, then `silenceS` of silence, in a loop. */
async function callWith(name: string, text: string, silenceS: number): Promise<{ page: Page; errors: string[]; external: string[] }> {
  const browser = await launch(speechWav(name, text, silenceS));
  browsers.push(browser);
  const context = await browser.newContext();
  const external = await guardNetwork(context);
  const { page, errors } = await openApp(context, server.url);
  await recordUserTurns(page);
  await connectCall(page);
  return { page, errors, external };
}

describe.skipIf(!recogniserAvailable().ok)("the offline demo bot understands, in Chromium with a fake microphone", () => {
  beforeAll(async () => {
    server = await startApp();
  });
  // A failed test's call must not stay up for the next one (hangUp counts the server's calls).
  afterEach(async () => {
    for (const b of browsers.splice(0)) await b.close();
    await until(async () => server.stats().calls, (n) => n === 0, 20_000, "the calls to be freed");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("a spoken question shows as words (interim, then final) and the time comes through a function-call turn", async () => {
    const { page, errors, external } = await callWith("ask-time", "What time is it right now?", 12);
    const log = page.getByRole("log");
    const turns = await until(() => userTurns(page), (ts) => ts.some((t) => !t.live && /what( is the)? time/i.test(t.text)), 45_000, "the question as a final user turn");
    const firstFinal = turns.findIndex((t) => !t.live && /time/i.test(t.text));
    expect(turns.slice(0, firstFinal).some((t) => t.live && t.text.length > 0)).toBe(true);
    await log.locator('[data-role="function_call"]').filter({ hasText: "get_current_time" }).first().waitFor({ timeout: 20_000 });
    await log.getByText(/It's \d{1,2}:\d\d [AP]M/).first().waitFor({ timeout: 20_000 });
    await hangUp(page, server);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("asked for a joke, it tells one of its jokes", async () => {
    const { page, errors } = await callWith("ask-joke", "Tell me a joke.", 12);
    await until(() => userTurns(page), (ts) => ts.some((t) => !t.live && /joke/i.test(t.text)), 45_000, "the question as a final user turn");
    const told = await until(() => botTexts(page), (b) => b.some((t) => t.final && JOKES.includes(t.text)), 30_000, "a joke in the bot's turn");
    expect(told.find((t) => JOKES.includes(t.text))?.interrupted).toBe(false);
    await hangUp(page, server);
    expect(errors).toEqual([]);
  });

  it("a barge-in mid-answer keeps only the words the bot had spoken", async () => {
    // The long "what can you do" answer (~12 s) is talked over when the microphone loops after ~4 s.
    const { page, errors } = await callWith("ask-abilities", "What can you do?", 4);
    // The recogniser may hear "what are you…" (the identity answer, as long): either is cut short.
    const isCut = (t: { text: string; interrupted: boolean }): boolean => t.interrupted && t.text.startsWith("I'm the offline demo bot");
    const turn = (await until(() => botTexts(page), (b) => b.some(isCut), 45_000, "a long answer interrupted")).find(isCut)!;
    const full = LONG_ANSWERS.find((a) => a.startsWith(turn.text));
    expect(full, turn.text).toBeDefined();
    // Only the words spoken before the barge-in: well short of the whole answer.
    expect(turn.text.length).toBeLessThan(full!.length - 20);
    await hangUp(page, server);
    expect(errors).toEqual([]);
  });
});
