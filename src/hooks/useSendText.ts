import type { SendTextOptions } from "@pipecat-ai/client-js";
import { useRTVIContext } from "../provider/context";

/** Sends typed text: the turn shows at once; `interrupt: true` cuts off a speaking bot. */
export type SendText = (text: string, options?: SendTextOptions & { interrupt?: boolean }) => Promise<void>;

/** Returns a stable function that sends typed text. Rejects with `RTVIActionError` when not connected. */
export function useSendText(): SendText {
  return useRTVIContext("useSendText").actions.sendText;
}
