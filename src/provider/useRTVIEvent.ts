import type { RTVIEvent, RTVIEventHandler } from "@pipecat-ai/client-js";
import { useEffect, useRef } from "react";
import { useRTVIContext } from "./context";

/**
 * Subscribes to a client-js event for the component's lifetime. The latest handler is kept
 * in a ref, so an inline arrow function does not resubscribe on every render.
 *
 * @example
 * useRTVIEvent(RTVIEvent.ServerMessage, (data) => setCard(data));
 */
export function useRTVIEvent<E extends RTVIEvent>(event: E, handler: RTVIEventHandler<E>): void {
  const { client } = useRTVIContext("useRTVIEvent");
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!client) return;
    const emitter = client as unknown as {
      on(e: string, h: (...a: unknown[]) => void): void;
      off(e: string, h: (...a: unknown[]) => void): void;
    };
    const relay = (...args: unknown[]): void => (latest.current as unknown as (...a: unknown[]) => void)(...args);
    emitter.on(event, relay);
    return () => emitter.off(event, relay);
  }, [client, event]);
}
