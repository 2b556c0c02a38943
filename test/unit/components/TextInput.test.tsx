import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { TextInput, TranscriptPanel } from "../../../src";
import { renderWithClient, scriptedClient } from "../../support/session";
import { READY } from "./helpers";

const sentTexts = (sent: { type: string; data?: unknown }[]) => sent.filter((m) => m.type === "send-text").map((m) => (m.data as { content: string }).content);

describe("TextInput", () => {
  it("is disabled until the transport is ready", async () => {
    const { client } = scriptedClient(READY, { speed: Infinity });
    renderWithClient(client, <TextInput />);
    const field = screen.getByLabelText("Message");
    expect(field).toBeDisabled();
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    await act(() => client.connect());
    expect(field).toBeEnabled();
    await act(() => client.disconnect());
    expect(field).toBeDisabled();
  });

  it("sends on Enter, adds a line on Shift+Enter, clears on success, and the turn shows at once", async () => {
    const onSend = vi.fn();
    const { client, transport } = scriptedClient(READY, { speed: Infinity });
    renderWithClient(
      client,
      <>
        <TranscriptPanel />
        <TextInput onSend={onSend} />
      </>,
    );
    await act(() => client.connect());
    const user = userEvent.setup();
    const field = screen.getByLabelText("Message");
    await user.type(field, "Hello{Shift>}{Enter}{/Shift}there");
    expect(field).toHaveValue("Hello\nthere");
    expect(sentTexts(transport.sent)).toEqual([]);

    await user.keyboard("{Enter}");
    await waitFor(() => expect(field).toHaveValue(""));
    expect(sentTexts(transport.sent)).toEqual(["Hello\nthere"]);
    expect(onSend).toHaveBeenCalledWith("Hello\nthere");
    expect(screen.getByRole("log")).toHaveTextContent("Hello there");
    expect(field).toHaveFocus();

    // The button sends too; blank text is not sent.
    await user.type(field, "   ");
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    await user.type(field, "Again");
    await user.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(sentTexts(transport.sent)).toEqual(["Hello\nthere", "Again"]));
  });

  it("shows a send error and keeps the text", async () => {
    const { client } = scriptedClient(READY, { speed: Infinity });
    renderWithClient(client, <TextInput />);
    await act(() => client.connect());
    vi.spyOn(client, "sendText").mockRejectedValue(new Error("The data channel is closed."));
    const user = userEvent.setup();
    const field = screen.getByLabelText("Message");
    await user.type(field, "Are you there?{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("The data channel is closed.");
    expect(field).toHaveValue("Are you there?");
    expect(field).toHaveAttribute("aria-invalid", "true");
  });
});
