// Headless Debian Chromium plus the bench page, bundled as production React.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../../test/support/chromium";
import { ROOT } from "./paths";

// Exposes performance.memory with exact (not bucketed) numbers; part f reads CDP anyway.
const ARGS = [...CHROMIUM_ARGS, "--enable-precise-memory-info"];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export interface PageBundle {
  readonly js: string;
  readonly css: string;
  /** Source map (only for the `names` build, to read CPU profiles). */
  readonly map?: string;
}

/**
 * The bench page as production React: NODE_ENV=production, minified. react-dom/client is
 * aliased to react-dom/profiling, React's production build with <Profiler> timings switched
 * on (the plain production build never calls onRender). `names` keeps identifiers readable for
 * CPU profiles (whitespace and syntax are still minified).
 */
export async function bundlePage(names = false): Promise<PageBundle> {
  const out = await build({
    entryPoints: [join(ROOT, "bench/pages/page.tsx")],
    bundle: true,
    write: false,
    outdir: join(ROOT, ".tmp/bench"),
    format: "iife",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: !names,
    sourcemap: names ? "external" : false,
    define: { "process.env.NODE_ENV": '"production"' },
    alias: { "react-dom/client": "react-dom/profiling" },
    // voice-ui-kit import()s every transport it supports; the bench uses none of them.
    external: ["@pipecat-ai/daily-transport", "@pipecat-ai/livekit-transport", "@pipecat-ai/moq-transport", "@pipecat-ai/websocket-transport", "three"],
    loader: { ".css": "css", ".woff": "empty", ".woff2": "empty", ".ttf": "empty" },
    logLevel: "error",
  });
  const file = (ext: string): string => out.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? "";
  return { js: file(".js"), css: file(".css"), map: names ? file(".js.map") : undefined };
}

// A loopback origin served by Playwright's router (nothing listens there): http://127.0.0.1 is a
// secure context, and COOP+COEP make the page cross-origin isolated, which is what lifts
// performance.now() from 100 µs steps to 5 µs ones. Per-token costs are fractions of a ms.
const ORIGIN = "http://127.0.0.1:9";

/** A fresh page with the instrumentation init script and the bundle loaded. */
export async function openPage(browser: Browser, bundle: PageBundle): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript({ content: readFileSync(join(ROOT, "bench/pages/instrument.js"), "utf8") });
  page.on("pageerror", (e) => console.error(`[page] ${e.message}`));
  const headers = { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" };
  const html = `<!doctype html><html><head><style>${bundle.css}</style></head><body><div id="root"></div><script src="/bench.js"></script></body></html>`;
  await page.route(`${ORIGIN}/**`, (route) => {
    const js = route.request().url().endsWith("/bench.js");
    return route.fulfill({ status: 200, headers: { ...headers, "Content-Type": js ? "text/javascript" : "text/html" }, body: js ? bundle.js : html });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => document.title === "bench-ready");
  if (!(await page.evaluate(() => crossOriginIsolated))) console.error("[bench] page is not cross-origin isolated: timings have 100 µs steps");
  const cdp = await page.context().newCDPSession(page);
  return { page, cdp };
}

/** Calls `window.bench[name](...args)` in the page and returns its (JSON) result. */
export function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([n, a]) => {
      const api = (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench;
      const fn = api[n as string];
      if (!fn) throw new Error(`bench page has no ${String(n)}`);
      return fn(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<T>;
}

/** JS heap in use after a full collection (CDP), in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  return usedSize;
}

/** Chrome's cumulative main-thread metrics (seconds), by name. */
export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}
