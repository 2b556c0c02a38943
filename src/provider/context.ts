import type { PipecatClient } from "@pipecat-ai/client-js";
import { createContext, useContext } from "react";
import type { SessionActions } from "../store/actions";
import type { Session } from "../store/createSession";

/** What a provider shares: the session (store, levels) and the client once it exists. */
export interface RTVIContextValue {
  readonly session: Session;
  readonly client: PipecatClient | null;
  readonly actions: SessionActions;
}

export const RTVIContext = /* @__PURE__ */ createContext<RTVIContextValue | null>(null);

/** The provider's context; throws a sentence that says what to do when there is none. */
export function useRTVIContext(hook: string): RTVIContextValue {
  const ctx = useContext(RTVIContext);
  if (!ctx) throw new Error(`${hook}() must be used inside <RTVIClientProvider>. Wrap your voice UI in <RTVIClientProvider client={client}> or <RTVIClientProvider createClient={() => new PipecatClient({...})}>.`);
  return ctx;
}
