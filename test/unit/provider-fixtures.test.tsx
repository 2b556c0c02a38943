import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TranscriptPanel, useConversation, useRTVIError, useSessionState, type Turn } from "../../src";
import { expectTurns } from "../support/expectTurns";
import { loadFixtures } from "../support/fixtures";
import { playThrough, renderWithClient, scriptedClient } from "../support/session";

let seen: readonly Turn[] = [];

function Conversation() {
  const { turns } = useConversation();
  const { errors } = useRTVIError();
  const serverMessages = useSessionState((s) => s.serverMessages);
  seen = turns;
  return (
    <div>
      <ol data-testid="turns">
        {turns.map((t) => (
          <li key={t.id}>{t.role === "function_call" ? t.functionName : t.role === "system" ? t.text : `${t.text}${t.pendingText}`}</li>
        ))}
      </ol>
      <p data-testid="errors">{errors.length}</p>
      <p data-testid="server">{serverMessages}</p>
    </div>
  );
}

describe("every fixture through PipecatClient + ScriptedTransport + RTVIClientProvider + useConversation", () => {
  for (const fx of loadFixtures()) {
    it(fx.name, async () => {
      const { client, transport } = scriptedClient(fx);
      renderWithClient(
        client,
        <>
          <Conversation />
          <TranscriptPanel mode="full" />
        </>,
      );
      await playThrough(client, transport);
      expectTurns(seen, fx.expect);
      if (Array.isArray(fx.expect.errors)) expect(screen.getByTestId("errors").textContent).toBe(String(fx.expect.errors.length));
      if (typeof fx.expect.serverMessages === "number") expect(screen.getByTestId("server").textContent).toBe(String(fx.expect.serverMessages));
      if (fx.expect.htmlInjected === false) {
        // The kit's own rendering of hostile text, not this test's: the panel must show it as text.
        const panel = screen.getByRole("log");
        expect(panel.querySelector("img, script, [onerror]")).toBeNull();
        expect(panel.textContent).toContain(String(fx.expect.containsBotText));
      }
      await client.disconnect();
    });
  }
});
