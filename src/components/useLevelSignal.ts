import { useEffect, useState } from "react";
import type { LevelChannel } from "../audio/levelChannel";

/**
 * Whether a side of the call has any level source: its track (measured here) or the
 * transport's level events. WebSocketTransport with WavMediaManager has neither for the bot
 * (it plays the audio itself, no track, no level events): the visualizer says so rather than
 * showing bars that look frozen. Listens to the channel only while there is no track, until
 * the first transport level arrives.
 */
export function useLevelSignal(channel: LevelChannel, track: MediaStreamTrack | null, active: boolean): boolean {
  const [eventSeen, setEventSeen] = useState(() => Number.isFinite(channel.lastEventAt));
  const watch = active && track === null && !eventSeen;
  useEffect(() => {
    if (!watch) return;
    if (Number.isFinite(channel.lastEventAt)) return setEventSeen(true);
    const off = channel.subscribe(() => {
      if (Number.isFinite(channel.lastEventAt)) setEventSeen(true);
    });
    return off;
  }, [channel, watch]);
  return track !== null || eventSeen;
}
