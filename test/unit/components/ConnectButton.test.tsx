import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectButton } from "../../../src";
import { renderWithClient, scriptedClient } from "../../support/session";

const script = { events: [{ at: 0, message: { label: "rtvi-ai", type: "bot-ready", id: "1", data: { version: "2.1.0" } } }] };

describe("ConnectButton", () => {
  const unhandled = vi.fn();
  afterEach(() => {
    process.off("unhandledRejection", unhandled);
    unhandled.mockReset();
  });

  it("connects, shows the busy states, then disconnects on a second click", async () => {
    const { client } = scriptedClient(script, { speed: 1, connectDelayMs: 40 });
    const user = userEvent.setup();
    renderWithClient(client, <ConnectButton />);
    const button = screen.getByRole("button", { name: "Connect" });
    expect(button).toHaveAttribute("data-state", "disconnected");
    expect(button).not.toHaveAttribute("aria-busy");

    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute("data-state", "connecting"));
    expect(button).toHaveAttribute("aria-busy", "true");
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveTextContent("Connecting…");
    // A click while busy does nothing (no second connect).
    await user.click(button);

    await waitFor(() => expect(button).toHaveAttribute("data-state", "ready"));
    expect(button).toHaveTextContent("Disconnect");
    expect(button).not.toHaveAttribute("aria-busy");
    expect(client.state).toBe("ready");

    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute("data-state", "disconnected"));
    expect(button).toHaveTextContent("Connect");
    expect(client.state).toBe("disconnected");
  });

  it("labels every transport state, overridable per state", async () => {
    const { client } = scriptedClient(script, { speed: 1, connectDelayMs: 40 });
    const user = userEvent.setup();
    renderWithClient(client, <ConnectButton labels={{ disconnected: "Start talking", connecting: "Dialling", ready: "Hang up" }} />);
    await user.click(screen.getByRole("button", { name: "Start talking" }));
    expect(await screen.findByRole("button", { name: "Dialling" })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Hang up" })).toBeInTheDocument();
    await act(() => client.disconnect());
  });

  it("catches a failed connect, shows the error and retries", async () => {
    process.on("unhandledRejection", unhandled);
    const { client, transport } = scriptedClient(script, { speed: Infinity, failConnect: "The bot server is down." });
    const user = userEvent.setup();
    renderWithClient(client, <ConnectButton />);
    await user.click(screen.getByRole("button", { name: "Connect" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The bot server is down.");
    const retry = screen.getByRole("button", { name: "Retry" });
    expect(retry).toHaveAttribute("data-state", "retry");
    expect(retry).toHaveAttribute("aria-describedby", alert.id);
    expect(retry).not.toHaveAttribute("aria-busy");

    // The server is back: the retry connects and the error goes away.
    (transport as unknown as { opts: { failConnect?: string } }).opts.failConnect = undefined;
    await user.click(retry);
    await waitFor(() => expect(screen.getByRole("button")).toHaveAttribute("data-state", "ready"));
    expect(screen.queryByRole("alert")).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(unhandled).not.toHaveBeenCalled();
    await act(() => client.disconnect());
  });

  it("shows a fatal error from the bot", async () => {
    const fatal = { events: [...script.events, { at: 5, message: { label: "rtvi-ai", type: "error", data: { message: "The LLM quota ran out.", fatal: true } } }] };
    const { client } = scriptedClient(fatal, { speed: Infinity });
    const user = userEvent.setup();
    renderWithClient(client, <ConnectButton />);
    await user.click(screen.getByRole("button", { name: "Connect" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("The LLM quota ran out.");
    await waitFor(() => expect(screen.getByRole("button", { name: "Retry" })).toBeInTheDocument());
  });

  it("runs the user's onClick first and lets it cancel; renders children as a function", async () => {
    const { client } = scriptedClient(script);
    const user = userEvent.setup();
    const onClick = vi.fn((e: { preventDefault(): void }) => e.preventDefault());
    renderWithClient(client, <ConnectButton onClick={onClick} className="mine">{({ state, busy }) => `${state}${busy ? "…" : ""}`}</ConnectButton>);
    const button = screen.getByRole("button", { name: "disconnected" });
    expect(button).toHaveClass("rtvi-connect-button", "mine");
    await user.click(button);
    expect(onClick).toHaveBeenCalledOnce();
    expect(client.state).toBe("disconnected");
  });
});
