import type { PipecatClient } from "@pipecat-ai/client-js";
import { useRTVIContext } from "./context";

/**
 * The provider's `PipecatClient`, or null until a lazily created client exists (the first
 * render with `createClient`, and always during server rendering).
 *
 * @throws when used outside `<RTVIClientProvider>`.
 */
export function useRTVIClient(): PipecatClient | null {
  return useRTVIContext("useRTVIClient").client;
}
