import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../example-app/server/server";
import { APP_DIST, connectCall, guardNetwork, hangUp, launch, openApp, speechWav, startApp, type AppServer } from "./harness";

// A page on a second loopback origin (another port: another origin) that tries to start a call.
const PAGE = "<!doctype html><title>other site</title><p>another origin</p>";
let other: Server;
let otherOrigin = "";
let app: AppServer & { logs: string[] };
let browser: Browser;

beforeAll(async () => {
  other = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(PAGE);
  });
  await new Promise<void>((r) => other.listen(0, "127.0.0.1", r));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  app = await startApp();
  browser = await launch(speechWav("origin-hello", "Hello there."));
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((r) => other.close(r));
});

/** What the other site's script gets from the bot server: the JSON, or the error fetch threw. */
async function tryStart(page: Page, startUrl: string, simple: boolean): Promise<{ ok: boolean; status?: number; body?: string; error?: string }> {
  return page.evaluate(
    async ([url, simpleRequest]) => {
      try {
        // A "simple" request skips the preflight: the server itself must refuse it.
        const init: RequestInit = simpleRequest ? { method: "POST", body: "" } : { method: "POST", headers: { "content-type": "application/json" }, body: "{}" };
        const r = await fetch(url, init);
        return { ok: r.ok, status: r.status, body: await r.text() };
      } catch (e) {
        return { ok: false, error: String(e) };
      }
    },
    [startUrl, simple] as const,
  );
}

describe("the example server refuses other sites (Chromium)", () => {
  it("a page from another loopback origin cannot start a call; the example page on its own origin can", async () => {
    const context = await browser.newContext();
    const external = await guardNetwork(context);
    const page = await context.newPage();
    await page.goto(otherOrigin);
    const preflighted = await tryStart(page, `${app.url}/start`, false);
    expect(preflighted.ok).toBe(false);
    expect(preflighted.error).toMatch(/Failed to fetch/);
    const simple = await tryStart(page, `${app.url}/start`, true);
    expect(simple.ok).toBe(false);
    expect(app.stats().sessions).toBe(0);
    expect(app.logs.join("\n")).not.toMatch(/ ERROR /);

    const { page: own, errors } = await openApp(context, app.url);
    await connectCall(own);
    expect(app.stats().calls).toBe(1);
    await hangUp(own, app);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  it("the same page works once its origin is listed in ALLOWED_ORIGINS", async () => {
    const open = await startServer({ port: 0, host: "127.0.0.1", geminiApiKey: "", staticDir: APP_DIST, allowedOrigins: [otherOrigin], logSink: () => undefined });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(otherOrigin);
      const r = await tryStart(page, `${open.url}/start`, false);
      expect(r).toMatchObject({ ok: true, status: 200 });
      expect(JSON.parse(r.body!)).toHaveProperty("sessionId");
      expect(open.stats().sessions).toBe(1);
      await context.close();
    } finally {
      await open.close();
    }
  });
});
