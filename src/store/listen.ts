import type { PipecatClient, RTVIEvent } from "@pipecat-ai/client-js";
import type { DeviceOption } from "./sessionState";

/**
 * One loosely typed registration point on a client: each handler states its own argument
 * types, and its removal joins `offs`, which the binding's teardown runs.
 */
export function listenTo(client: PipecatClient, offs: Array<() => void>): (event: RTVIEvent, handler: (...args: never[]) => void) => void {
  const emitter = client as unknown as { on(e: string, h: (...args: never[]) => void): void; off(e: string, h: (...args: never[]) => void): void };
  return (event, handler) => {
    emitter.on(event, handler);
    offs.push(() => emitter.off(event, handler));
  };
}

/** Devices as the store keeps them: an unlabelled one (no permission yet) gets a numbered name. */
export const deviceOptions = (list: readonly MediaDeviceInfo[]): DeviceOption[] => list.map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Device ${i + 1}` }));
