// What every leak page shares: waiting whole animation frames, and handing its api to the
// test (test/e2e/leakPage.ts waits for the "ready" title).

export const frames = (n: number) =>
  new Promise<void>((r) => {
    const step = (k: number) => (k === 0 ? r() : requestAnimationFrame(() => step(k - 1)));
    step(n);
  });

export function publish(api: object): void {
  (window as unknown as { leakApi: object }).leakApi = api;
  document.title = "ready";
}
