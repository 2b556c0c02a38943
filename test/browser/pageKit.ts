// What every leak page shares: waiting whole animation frames, the mount/unmount cycle, and
// handing its api to the test (test/e2e/leakPage.ts waits for the "ready" title).
import type { PipecatClient } from "@pipecat-ai/client-js";
import { createElement, type ComponentType } from "react";
import { createRoot } from "react-dom/client";
import { RTVIClientProvider } from "../../src";

export const frames = (n: number) =>
  new Promise<void>((r) => {
    const step = (k: number) => (k === 0 ? r() : requestAnimationFrame(() => step(k - 1)));
    step(n);
  });

export function publish(api: object): void {
  (window as unknown as { leakApi: object }).leakApi = api;
  document.title = "ready";
}

/**
 * Mounts `Ui` under a provider that creates (and so owns) its client, connects it, runs `whileUp`,
 * and unmounts, `n` times: unmounting is what must hang the client up and free everything.
 */
export async function mountCycles(host: HTMLElement, n: number, Ui: ComponentType, newClient: () => PipecatClient, whileUp: (client: PipecatClient | null) => Promise<void>): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = createRoot(host);
    let created: PipecatClient | null = null;
    r.render(createElement(RTVIClientProvider, { createClient: () => (created = newClient()) }, createElement(Ui)));
    await frames(2);
    const c = created as PipecatClient | null;
    await c?.connect();
    await whileUp(c);
    r.unmount();
    await frames(1);
  }
  await frames(5);
}
