import { useCallback, useSyncExternalStore } from "react";
import { useRTVIContext } from "../provider/context";
import type { Session } from "../store/createSession";

/** Result of {@link useBotVolume}. */
export interface UseBotVolumeResult {
  /** The bot's playback volume, 0..1. Default 1. */
  readonly volume: number;
  setVolume(volume: number): void;
}

interface VolumeStore {
  get(): number;
  set(volume: number): void;
  subscribe(listener: () => void): () => void;
}

// One volume per provider, hung off its session: a VolumeSlider and a BotAudio anywhere under
// the same provider agree without another context, and two providers never share it.
// TODO(issue 13, later pass): move the volume (and botAudioState's blocked players) into the
// per-provider store, so it resets and serialises with the session like the rest.
const stores = new WeakMap<Session, VolumeStore>();

function volumeStore(session: Session): VolumeStore {
  let store = stores.get(session);
  if (store) return store;
  let volume = 1;
  const listeners = new Set<() => void>();
  store = {
    get: () => volume,
    set(v) {
      const next = Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : volume;
      if (next === volume) return;
      volume = next;
      for (const l of listeners) l();
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  stores.set(session, store);
  return store;
}

/** The bot's output volume shared by `<VolumeSlider>` and `<BotAudio>` under one provider. */
export function useBotVolume(): UseBotVolumeResult {
  const store = volumeStore(useRTVIContext("useBotVolume").session);
  const volume = useSyncExternalStore(store.subscribe, store.get, store.get);
  const setVolume = useCallback((v: number) => store.set(v), [store]);
  return { volume, setVolume };
}
