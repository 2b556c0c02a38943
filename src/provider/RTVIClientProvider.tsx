import type { PipecatClient } from "@pipecat-ai/client-js";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createActions } from "../store/actions";
import { bindClient } from "../store/bindClient";
import { createSession } from "../store/createSession";
import { RTVIContext, type RTVIContextValue } from "./context";

/** Props of {@link RTVIClientProvider}. Give either `client` or `createClient`. */
export interface RTVIClientProviderProps {
  /** A client you own. The provider never disconnects it unless `disconnectOnUnmount` is true. */
  client?: PipecatClient;
  /**
   * Creates the client lazily, in an effect after mount: importing and server rendering
   * never construct one (client-js touches `window`). The provider disconnects it on unmount.
   */
  createClient?: () => PipecatClient;
  /** Disconnect on unmount. Default: true for a created client, false for a given one. */
  disconnectOnUnmount?: boolean;
  /** Disconnect when the bot reports a fatal error. Default true. */
  disconnectOnFatalError?: boolean;
  /** Keep at most this many turns in memory (the live turn is never dropped). Default: all. */
  maxTurns?: number;
  children?: ReactNode;
}

/**
 * Owns one session per provider: a store seeded from `client.state`, one listener set on
 * the client, the audio-level bus and one shared AudioContext. Two providers never share
 * state. Unmounting removes every listener it added and closes what it opened.
 */
export function RTVIClientProvider(props: RTVIClientProviderProps): ReactNode {
  const { client: given, createClient, disconnectOnFatalError, maxTurns, children } = props;
  const [session] = useState(() => createSession({ maxTurns: maxTurns ?? null }));
  const [created, setCreated] = useState<PipecatClient | null>(null);
  const client = given ?? created;
  const clientRef = useRef<PipecatClient | null>(client);
  clientRef.current = client;
  const [actions] = useState(() => createActions(session, () => clientRef.current));
  const createRef = useRef(createClient);
  createRef.current = createClient;
  const unmountDisconnect = useRef(props.disconnectOnUnmount);
  unmountDisconnect.current = props.disconnectOnUnmount;

  useEffect(() => {
    if (given || !createRef.current) return;
    const c = createRef.current();
    setCreated(c);
    return () => {
      setCreated(null);
      if (unmountDisconnect.current !== false) void c.disconnect().catch(() => undefined);
    };
  }, [given]);

  useEffect(() => {
    if (!client) return;
    const unbind = bindClient(session, client, { disconnectOnFatalError });
    return () => {
      unbind();
      if (client === given && unmountDisconnect.current === true) void client.disconnect().catch(() => undefined);
    };
  }, [session, client, given, disconnectOnFatalError]);

  useEffect(() => () => session.dispose(), [session]);

  const value = useMemo<RTVIContextValue>(() => ({ session, client, actions }), [session, client, actions]);
  return <RTVIContext.Provider value={value}>{children}</RTVIContext.Provider>;
}
