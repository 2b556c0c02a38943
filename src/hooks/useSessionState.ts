import { useStore } from "zustand";
import { useRTVIContext } from "../provider/context";
import type { SessionState } from "../store/sessionState";

/**
 * Reads a slice of the provider's session state; the component re-renders only when the
 * selected value changes (`Object.is`). Selectors must return stored values or primitives.
 */
export function useSessionState<T>(selector: (state: SessionState) => T, hook = "useSessionState"): T {
  return useStore(useRTVIContext(hook).session.store, selector);
}
