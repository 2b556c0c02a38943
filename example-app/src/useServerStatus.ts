import { useEffect, useState } from "react";
import { statusUrl } from "./config";

/** What the example server says about itself; "unknown" for other Pipecat bots. */
export type ServerMode = "gemini" | "offline-demo" | "unknown" | "unreachable";

/** Asks the bot server whether it runs Gemini or the offline demo bot. */
export function useServerStatus(): ServerMode {
  const [mode, setMode] = useState<ServerMode>("unknown");
  useEffect(() => {
    const abort = new AbortController();
    fetch(statusUrl, { signal: abort.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { mode?: string }) => setMode(body.mode === "gemini" || body.mode === "offline-demo" ? body.mode : "unknown"))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setMode(e instanceof TypeError ? "unreachable" : "unknown");
      });
    return () => abort.abort();
  }, []);
  return mode;
}
