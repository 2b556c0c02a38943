import type { PipecatClient } from "@pipecat-ai/client-js";
import type { Session } from "./createSession";

/**
 * A part of the client binding that only some apps need (video): bound to the session's
 * client the first time a hook asks for it, then for as long as the session is bound, so an
 * app that never shows video never bundles nor runs it. Returns its teardown.
 */
export type SessionFeature = (session: Session, client: PipecatClient) => () => void;

/** The registry behind {@link Session}'s features: what was asked for, and what is bound to which client. */
export interface SessionFeatures {
  /** Binds `feature` now if a client is bound, else when one is; once per session. */
  use(feature: SessionFeature): void;
  /** Binds every feature asked for so far (and any asked for later) to `client`, until the returned teardown. */
  attach(session: Session, client: PipecatClient): () => void;
}

export function createSessionFeatures(): SessionFeatures {
  const used = new Set<SessionFeature>();
  const bound = new Map<SessionFeature, () => void>();
  let target: { session: Session; client: PipecatClient } | null = null;
  const bind = (feature: SessionFeature): void => {
    if (target && !bound.has(feature)) bound.set(feature, feature(target.session, target.client));
  };
  return {
    use(feature) {
      used.add(feature);
      bind(feature);
    },
    attach(session, client) {
      target = { session, client };
      used.forEach(bind);
      return () => {
        target = null;
        for (const off of bound.values()) off();
        bound.clear();
      };
    },
  };
}
