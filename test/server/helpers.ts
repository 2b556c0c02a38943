// The werift caller lives in example-app/tools (the bench drives it too); tests import it via here.
export { LoopbackClient as TestClient, Waitable, withTimeout, encodeOpus } from "../../example-app/tools/loopbackClient.js";
export type { ConnectOptions, ReceivedRtp, RtviIn } from "../../example-app/tools/loopbackClient.js";
import { afterAll, beforeAll } from "vitest";
import { startStandIn, type StandIn, type StandInOptions } from "../../example-app/server/standin/server.js";

/** One stand-in Gemini for a whole test file: started before its tests, closed after them. */
export function standInPerFile(opts: StandInOptions): () => StandIn {
  let standIn: StandIn | undefined;
  beforeAll(async () => {
    standIn = await startStandIn(opts);
  });
  afterAll(async () => {
    await standIn?.close();
  });
  return () => {
    if (!standIn) throw new Error("the stand-in is used before beforeAll started it");
    return standIn;
  };
}

/** 48 kHz tone with short fades, `secs` long. */
export function tone(freq: number, secs: number, amp = 0.4, rate = 48000): Int16Array {
  const n = Math.round(secs * rate);
  const out = new Int16Array(n);
  const fade = rate * 0.01;
  for (let i = 0; i < n; i++) out[i] = Math.round(amp * 32767 * Math.min(1, i / fade, (n - i) / fade) * Math.sin((2 * Math.PI * freq * i) / rate));
  return out;
}

export function rms(pcm: Int16Array): number {
  let s = 0;
  for (let i = 0; i < pcm.length; i++) s += (pcm[i]! / 32768) ** 2;
  return Math.sqrt(s / Math.max(1, pcm.length));
}
