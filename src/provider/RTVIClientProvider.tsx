import type { PipecatClient } from "@pipecat-ai/client-js";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { createActions } from "../store/actions";
import { bindSession, type BindOptions } from "../store/bindClient";
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
  /**
   * Disconnect when the bot reports a fatal error. Default true. `false` keeps the call up
   * and the error shown (`useRTVIError`); changing it never ends a live call.
   */
  disconnectOnFatalError?: boolean;
  /** Keep at most this many turns in memory (the live turn is never dropped). Default: all; changes apply at once. */
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

  // Read at each fatal error, so changing the prop never rebinds (nor ends) a live call.
  const [bindOptions] = useState<BindOptions>(() => ({ disconnectOnFatalError }));
  useEffect(() => {
    bindOptions.disconnectOnFatalError = disconnectOnFatalError;
  }, [bindOptions, disconnectOnFatalError]);

  useEffect(() => {
    if (!client) return;
    return bindSession(session, client, bindOptions);
  }, [session, client, bindOptions]);

  useEffect(() => {
    session.dispatch({ type: "max-turns", maxTurns: maxTurns ?? null });
  }, [session, maxTurns]);

  // A given client is disconnected on unmount only, never because a prop changed. The check
  // waits a microtask: StrictMode's simulated unmount remounts synchronously.
  const mounted = useRef(false);
  const givenRef = useRef(given);
  givenRef.current = given;
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      const c = givenRef.current;
      queueMicrotask(() => {
        if (!mounted.current && c && unmountDisconnect.current === true) void c.disconnect().catch(() => undefined);
      });
    };
  }, []);

  useEffect(() => () => session.dispose(), [session]);

  const value = useMemo<RTVIContextValue>(() => ({ session, client, actions }), [session, client, actions]);
  return <RTVIContext.Provider value={value}>{children}</RTVIContext.Provider>;
}
