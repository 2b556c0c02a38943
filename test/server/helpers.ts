// The werift caller lives in example-app/tools (the bench drives it too); tests import it via here.
export { LoopbackClient as TestClient, Waitable, withTimeout, encodeOpus } from "../../example-app/tools/loopbackClient.js";
export type { ConnectOptions, ReceivedRtp, RtviIn } from "../../example-app/tools/loopbackClient.js";

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
