import { useCallback, useSyncExternalStore } from "react";
import type { Session } from "../store/createSession";

/** One `<audio>` that plays the bot under a provider. */
export interface BotAudioPlayer {
  setBlocked(blocked: boolean): void;
  dispose(): void;
}

interface BotAudioState {
  isBlocked(): boolean;
  subscribe(listener: () => void): () => void;
  register(play: () => Promise<void>): BotAudioPlayer;
  unlock(): void;
}

// Hung off the session like the bot volume: an AudioUnlockButton anywhere under the provider
// reaches the BotAudio players of that provider, and two providers never share them.
// TODO(issue 13): move into the per-provider store together with the bot volume.
const states = new WeakMap<Session, BotAudioState>();

export function botAudioState(session: Session): BotAudioState {
  let state = states.get(session);
  if (state) return state;
  const players = new Map<object, { play: () => Promise<void>; blocked: boolean }>();
  const listeners = new Set<() => void>();
  let blocked = false;
  const update = (): void => {
    const next = [...players.values()].some((p) => p.blocked);
    if (next === blocked) return;
    blocked = next;
    for (const l of listeners) l();
  };
  state = {
    isBlocked: () => blocked,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    register(play) {
      const key = {};
      players.set(key, { play, blocked: false });
      return {
        setBlocked(b) {
          const p = players.get(key);
          if (!p || p.blocked === b) return;
          p.blocked = b;
          update();
        },
        dispose() {
          players.delete(key);
          update();
        },
      };
    },
    unlock() {
      // The same gesture may also unlock the shared AudioContext the level analysers use.
      session.audio.resume();
      for (const p of players.values()) void p.play();
    },
  };
  states.set(session, state);
  return state;
}

const noSubscribe = (): (() => void) => () => undefined;
const notBlocked = (): boolean => false;

/** Whether any player of the session is blocked, and the unlock for all of them. Null session: outside a provider. */
export function useAudioUnlock(session: Session | null): { readonly blocked: boolean; readonly unlock: () => void } {
  const state = session ? botAudioState(session) : null;
  const blocked = useSyncExternalStore(state ? state.subscribe : noSubscribe, state ? state.isBlocked : notBlocked, notBlocked);
  const unlock = useCallback(() => state?.unlock(), [state]);
  return { blocked, unlock };
}
