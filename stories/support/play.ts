import { expect, waitFor } from "storybook/test";
import type { ScriptedTransport } from "rtvi-react-kit/testing";

/** Waits until the transport has finished the handshake (the kit says "ready"). */
export async function waitReady(transport: ScriptedTransport): Promise<void> {
  await waitFor(() => expect(transport.state).toBe("ready"), { timeout: 5_000 });
}

/**
 * Steps a paused transport one event per retry until `check` passes: each failed check
 * delivers the next event, so the story advances exactly as far as the assertion needs.
 */
export async function stepUntil(transport: ScriptedTransport, check: () => void, timeout = 10_000): Promise<void> {
  await waitFor(
    () => {
      try {
        check();
      } catch (e) {
        if (!transport.step()) throw new Error(`The script ended first: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
    },
    { timeout, interval: 20 },
  );
}

let toneContext: AudioContext | null = null;

/** A quiet 220 Hz tone as a MediaStreamTrack: the "bot audio" for BotAudio stories. */
export function toneTrack(): MediaStreamTrack | undefined {
  if (typeof AudioContext === "undefined") return undefined;
  toneContext ??= new AudioContext();
  const osc = toneContext.createOscillator();
  const gain = toneContext.createGain();
  const out = toneContext.createMediaStreamDestination();
  osc.frequency.value = 220;
  gain.gain.value = 0.05;
  osc.connect(gain).connect(out);
  osc.start();
  const track = out.stream.getAudioTracks()[0];
  return track;
}
