// Retakes the README's picture of the example app (docs/example-app.png, 1280×800): the offline
// demo bot asked a question by Chromium's fake microphone (voiced by espeak-ng), mid-conversation.
// Usage: npx tsx test/e2e/screenshot-example.ts [out.png]   (builds the example client first)
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { connectCall, launch, openApp, ROOT, speechWav, startApp, typeMessage, until } from "./harness";

const out = resolve(ROOT, process.argv[2] ?? "docs/example-app.png");
execFileSync("npx", ["vite", "build", "--config", "example-app/vite.config.ts", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
const server = await startApp();
const browser = await launch(speechWav("screenshot", "Tell me a joke about computers.", 5));
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: "light" });
  const { page } = await openApp(context, server.url);
  await connectCall(page);
  const botTurns = page.locator('[data-slot="turn"][data-role="assistant"][data-final]');
  // The fake microphone loops from browser start, so the call may join mid-sentence: wait for a
  // whole request, its answer, then mute so the loop adds no more turns.
  const userTexts = (): Promise<string[]> => page.locator('[data-slot="turn"][data-role="user"][data-final]').allTextContents();
  await until(userTexts, (ts) => ts.some((t) => /joke/i.test(t)), 60_000, "the spoken request for a joke");
  const asked = (await userTexts()).findIndex((t) => /joke/i.test(t));
  await until(() => botTurns.count(), (n) => n > asked, 30_000, "the bot's spoken joke");
  await page.getByRole("button", { name: "Mute" }).click();
  await typeMessage(page, "What time is it?");
  await page.locator('[data-role="function_call"]').first().waitFor({ timeout: 30_000 });
  await until(() => botTurns.allTextContents(), (ts) => ts.some((t) => /It's \d/.test(t)), 30_000, "the time, after the function call");
  await page.screenshot({ path: out });
  console.log(`example app, mid-conversation → ${out}`);
} finally {
  await browser.close();
  await server.close();
}
