import { createRequire } from "node:module";
import { createServer } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectCall, guardNetwork, launch, openApp, speechWav, startApp, typeMessage, until, type AppServer } from "./harness";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let browser: Browser;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

beforeAll(async () => {
  browser = await launch(speechWav("short", "Testing, one two three.", 20));
});
afterAll(async () => browser?.close());

describe("faults and accessibility", () => {
  it("server stopped mid-call: the UI shows it, keeps the transcript, and reconnects after a restart", async () => {
    const port = await freePort();
    let server: AppServer = await startApp(port);
    const context = await browser.newContext();
    const external = await guardNetwork(context);
    const { page, errors } = await openApp(context, server.url);
    await connectCall(page);
    await typeMessage(page, "remember this line");
    await page.getByRole("log").getByText(/You typed: remember this line/).first().waitFor({ timeout: 30_000 });

    await server.close();
    await page.getByRole("button", { name: /^(Connect|Retry)$/ }).waitFor({ timeout: 30_000 });
    await expect(page.getByRole("log").getByText("remember this line", { exact: true }).count()).resolves.toBeGreaterThan(0);

    server = await startApp(port);
    await page.getByRole("button", { name: /^(Connect|Retry)$/ }).click();
    await page.getByRole("button", { name: "Disconnect" }).waitFor({ timeout: 30_000 });
    await expect(page.getByRole("log").getByText("remember this line", { exact: true }).count()).resolves.toBeGreaterThan(0);
    await page.getByRole("button", { name: "Disconnect" }).click();
    await context.close();
    await server.close();
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("/start answering 500: the error is shown, and retry works; axe is clean when idle, connected and in error", async () => {
    const server = await startApp();
    const context = await browser.newContext();
    await guardNetwork(context);
    const { page, errors } = await openApp(context, server.url);
    expect(await axeViolations(page)).toEqual([]);

    await page.route("**/start", (route) => route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: "bot pool exhausted" }) }));
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByRole("alert").first().waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Retry" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.unroute("**/start");
    await page.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("button", { name: "Disconnect" }).waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Disconnect" }).click();
    await context.close();
    await server.close();
    expect(errors).toEqual([]);
  });

  it("microphone permission denied: a clear message and nothing crashes", async () => {
    const server = await startApp();
    const context = await browser.newContext();
    // A string, not a function: the test transform would add helpers the page does not have.
    await context.addInitScript(
      `Object.defineProperty(navigator.mediaDevices, "getUserMedia", { value: () => Promise.reject(new DOMException("Permission denied", "NotAllowedError")) });`,
    );
    const { page, errors } = await openApp(context, server.url);
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByText(/microphone access is blocked/i).first().waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
    await server.close();
  });

  it("a page reloaded mid-call: the server frees the call", async () => {
    const server = await startApp();
    const context = await browser.newContext();
    const { page } = await openApp(context, server.url);
    await connectCall(page);
    expect(server.stats().calls).toBe(1);
    await page.reload();
    await until(async () => server.stats().calls, (n) => n === 0, 30_000, "the reloaded page's call to be freed");
    await context.close();
    await server.close();
  });
});
