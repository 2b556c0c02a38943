import { useEffect, useState } from "react";
import { statusUrl } from "./config";

/** What the example server says about itself; "unknown" for other Pipecat bots. */
export type ServerMode = "gemini" | "offline-demo" | "unknown" | "unreachable";

/** What the offline demo bot can do on that server (GET /api/status `demo`). */
export interface DemoInfo {
  speech: "espeak-ng" | "tones";
  understands: boolean;
  /** Sentences for the user. */
  limits: string[];
}

export interface ServerStatus {
  mode: ServerMode;
  demo?: DemoInfo;
}

function readDemo(v: unknown): DemoInfo | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const d = v as Record<string, unknown>;
  const limits = Array.isArray(d.limits) ? d.limits.filter((l): l is string => typeof l === "string") : [];
  return { speech: d.speech === "espeak-ng" ? "espeak-ng" : "tones", understands: d.understands === true, limits };
}

/** Asks the bot server whether it runs Gemini or the offline demo bot, and what that bot can do. */
export function useServerStatusInfo(): ServerStatus {
  const [status, setStatus] = useState<ServerStatus>({ mode: "unknown" });
  useEffect(() => {
    const abort = new AbortController();
    fetch(statusUrl, { signal: abort.signal })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((body: { mode?: string; demo?: unknown }) => {
        const mode = body.mode === "gemini" || body.mode === "offline-demo" ? body.mode : "unknown";
        setStatus({ mode, demo: mode === "offline-demo" ? readDemo(body.demo) : undefined });
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setStatus({ mode: e instanceof TypeError ? "unreachable" : "unknown" });
      });
    return () => abort.abort();
  }, []);
  return status;
}

/** Asks the bot server whether it runs Gemini or the offline demo bot. */
export function useServerStatus(): ServerMode {
  return useServerStatusInfo().mode;
}
