import { useCallback } from "react";
import { useRTVIContext } from "../provider/context";
import { useSessionState } from "../hooks/useSessionState";

/** Result of {@link useBotVolume}. */
export interface UseBotVolumeResult {
  /** The bot's playback volume, 0..1. Default 1. */
  readonly volume: number;
  /** Sets it (clamped to 0..1); every `<BotAudio>` and `<VolumeSlider>` of the provider follows. */
  setVolume(volume: number): void;
}

/**
 * The bot's output volume, kept in the provider's store (`SessionState.botVolume`, action
 * `{ type: "bot-volume" }`): a VolumeSlider and a BotAudio anywhere under one provider agree,
 * and two providers never share it.
 */
export function useBotVolume(): UseBotVolumeResult {
  const { session } = useRTVIContext("useBotVolume");
  const volume = useSessionState((s) => s.botVolume, "useBotVolume");
  const setVolume = useCallback((v: number) => session.dispatch({ type: "bot-volume", volume: v }), [session]);
  return { volume, setVolume };
}
