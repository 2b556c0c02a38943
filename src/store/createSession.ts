import { createStore, type StoreApi } from "zustand/vanilla";
import { createLevelChannel, type LevelChannel } from "../audio/levelChannel";
import { createLevelMeters, type LevelMeters } from "../audio/levelMeters";
import { createSharedAudioContext, type SharedAudioContext } from "../audio/sharedAudioContext";
import { createSessionFeatures, type SessionFeatures } from "./features";
import { reduceSession, type SessionAction } from "./sessionReducer";
import { createSessionState, type SessionState } from "./sessionState";

/** Options for a session store. */
export interface SessionOptions {
  /** Keep at most this many turns (the live ones are never dropped). Unbounded by default. */
  maxTurns?: number | null;
  /** The clock for turn timestamps; tests pass a fake one. */
  now?: () => number;
}

/**
 * What one provider owns: a store, its level channels, one shared AudioContext and the
 * analyser fallback. Framework-free, so it can be unit-tested and used without React.
 */
export interface Session {
  readonly store: StoreApi<SessionState>;
  dispatch(action: SessionAction): void;
  readonly levels: { readonly mic: LevelChannel; readonly bot: LevelChannel };
  /** @internal The provider's one AudioContext; not part of the public API. */
  readonly audio: SharedAudioContext;
  /** @internal The analyser fallback behind the level bus; not part of the public API. */
  readonly meters: LevelMeters;
  /** @internal Optional parts of the client binding, bound when a hook first needs them; not part of the public API. */
  readonly features: SessionFeatures;
  /** Stops the level loop and closes the AudioContext; the store stays readable. */
  dispose(): void;
}

export function createSession(options: SessionOptions = {}): Session {
  const now = options.now ?? Date.now;
  const store = createStore<SessionState>()(() => createSessionState(options.maxTurns ?? null));
  const audio = createSharedAudioContext();
  let meters: LevelMeters | null = null;
  const wake = (): void => meters?.wake();
  const levels = { mic: createLevelChannel(wake), bot: createLevelChannel(wake) };
  meters = createLevelMeters({ local: levels.mic, bot: levels.bot }, audio);
  return {
    store,
    dispatch(action) {
      const prev = store.getState();
      const next = reduceSession(prev, action, now());
      if (next !== prev) store.setState(next, true);
    },
    levels,
    audio,
    meters,
    features: createSessionFeatures(),
    dispose() {
      meters?.dispose();
      audio.close();
    },
  };
}
