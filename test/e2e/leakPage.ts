import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { ROOT, launch } from "./harness";

type PageApi = Record<string, (...args: never[]) => unknown>;

/** A leak page (test/browser/*.tsx) bundled, instrumented and loaded in Chromium, with a typed caller of its `leakApi`. */
export interface LeakPage<Api extends PageApi> {
  browser: Browser;
  page: Page;
  call<K extends keyof Api & string>(name: K, ...args: Parameters<Api[K]>): Promise<Awaited<ReturnType<Api[K]>>>;
}

export async function openLeakPage<Api extends PageApi>(entry: string): Promise<LeakPage<Api>> {
  const bundle = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  const browser = await launch();
  const page = await browser.newPage();
  // instrument.js counts AudioContexts, timers and loops from before the page's own code runs.
  await page.addInitScript({ content: readFileSync(join(ROOT, "test/browser/instrument.js"), "utf8") });
  await page.goto("about:blank");
  await page.setContent('<div id="root"></div>');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? "" });
  await page.waitForFunction(() => document.title === "ready");
  const call = <K extends keyof Api & string>(name: K, ...args: Parameters<Api[K]>) =>
    page.evaluate(([n, a]) => (window as unknown as { leakApi: Record<string, (...x: unknown[]) => unknown> }).leakApi[n]?.(...(a as unknown[])), [name, args] as const) as Promise<Awaited<ReturnType<Api[K]>>>;
  return { browser, page, call };
}
