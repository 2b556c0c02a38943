import { PipecatClient } from "@pipecat-ai/client-js";
import { act, render } from "@testing-library/react";
import { StrictMode, type ReactNode } from "react";
import { RTVIClientProvider } from "../../src";
import { ScriptedTransport, type ScriptedTransportOptions } from "../../src/testing";

/** A real PipecatClient on a ScriptedTransport. */
export function scriptedClient(script: unknown, options: ScriptedTransportOptions = { speed: Infinity }) {
  const transport = ScriptedTransport.fromFixture(script, options);
  const client = new PipecatClient({ transport, enableMic: true, enableCam: false });
  return { transport, client };
}

/** Renders UI inside StrictMode and a provider bound to `client`. */
export function renderWithClient(client: PipecatClient, ui: ReactNode) {
  return render(
    <StrictMode>
      <RTVIClientProvider client={client}>{ui}</RTVIClientProvider>
    </StrictMode>,
  );
}

/** Connects and waits until the whole script has been delivered. */
export async function playThrough(client: PipecatClient, transport: ScriptedTransport): Promise<void> {
  await act(async () => {
    await client.connect();
    await transport.played;
  });
}
