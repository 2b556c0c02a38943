import { useEffect } from "react";
import type { SessionFeature } from "../store/features";
import { useRTVIContext } from "./context";

/**
 * Asks the provider's session for an optional part of the client binding (video): bound from
 * the first mount on, and kept bound when the asking component unmounts, so its state stays
 * current for the next one.
 */
export function useSessionFeature(feature: SessionFeature, hook: string): void {
  const { session } = useRTVIContext(hook);
  useEffect(() => session.features.use(feature), [session, feature]);
}
