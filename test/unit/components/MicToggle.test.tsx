import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { Profiler } from "react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { MicToggle } from "../../../src";
import type { RTVIContextValue } from "../../../src/provider/context";
import { renderWithClient, scriptedClient } from "../../support/session";
import { ContextProbe, READY, inject, msg } from "./helpers";

async function connected(ui: React.ReactNode, microphone?: "denied" | "no-device") {
  const { client, transport } = scriptedClient(READY, { speed: Infinity, microphone });
  const view = renderWithClient(client, ui);
  await act(() => client.connect());
  return { client, transport, ...view };
}

describe("MicToggle", () => {
  it("mutes and unmutes with aria-pressed", async () => {
    const onMutedChange = vi.fn();
    const { transport } = await connected(<MicToggle onMutedChange={onMutedChange} />);
    const user = userEvent.setup();
    const button = screen.getByRole("button", { name: "Mute" });
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(transport.isMicEnabled).toBe(true);

    await user.click(button);
    expect(button).toHaveAttribute("aria-pressed", "true");
    expect(button).toHaveAttribute("data-state", "muted");
    expect(transport.isMicEnabled).toBe(false);
    expect(onMutedChange).toHaveBeenLastCalledWith(true);

    await user.click(button);
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(transport.isMicEnabled).toBe(true);
  });

  it("is controlled by `muted`", async () => {
    const onMutedChange = vi.fn();
    const { transport, rerender, client } = await connected(<MicToggle muted onMutedChange={onMutedChange} />);
    const button = screen.getByRole("button", { name: "Mute" });
    expect(button).toHaveAttribute("aria-pressed", "true");
    expect(transport.isMicEnabled).toBe(false);
    await userEvent.setup().click(button);
    expect(onMutedChange).toHaveBeenCalledWith(false);
    expect(transport.isMicEnabled).toBe(false); // the parent decides
    const { RTVIClientProvider } = await import("../../../src");
    const { StrictMode } = await import("react");
    rerender(
      <StrictMode>
        <RTVIClientProvider client={client}>
          <MicToggle muted={false} onMutedChange={onMutedChange} />
        </RTVIClientProvider>
      </StrictMode>,
    );
    expect(transport.isMicEnabled).toBe(true);
    expect(button).toHaveAttribute("aria-pressed", "false");
  });

  it("push-to-talk: holding Space enables the mic only while held, never while typing", async () => {
    const { transport } = await connected(
      <>
        <MicToggle mode="push-to-talk" />
        <textarea aria-label="notes" />
      </>,
    );
    const user = userEvent.setup();
    const button = screen.getByRole("button", { name: "Push to talk" });
    expect(transport.isMicEnabled).toBe(false);
    expect(button).toHaveAttribute("aria-pressed", "false");

    await user.keyboard("[Space>]");
    expect(transport.isMicEnabled).toBe(true);
    expect(button).toHaveAttribute("aria-pressed", "true");
    expect(button).toHaveAttribute("data-talking", "");
    await user.keyboard("[/Space]");
    expect(transport.isMicEnabled).toBe(false);
    expect(button).toHaveAttribute("aria-pressed", "false");

    await user.click(screen.getByRole("textbox", { name: "notes" }));
    await user.keyboard("[Space>]");
    expect(transport.isMicEnabled).toBe(false);
    await user.keyboard("[/Space]");
    expect(screen.getByRole("textbox", { name: "notes" })).toHaveValue(" ");
  });

  it("push-to-talk: holding the button talks until pointer up, leave or cancel", async () => {
    const { transport } = await connected(<MicToggle mode="push-to-talk" />);
    const button = screen.getByRole("button", { name: "Push to talk" });
    for (const end of ["pointerUp", "pointerLeave", "pointerCancel"] as const) {
      fireEvent.pointerDown(button, { button: 0, pointerId: 1 });
      expect(transport.isMicEnabled).toBe(true);
      fireEvent[end](button, { pointerId: 1 });
      expect(transport.isMicEnabled).toBe(false);
    }
  });

  it("shows the mic level without re-rendering, through a CSS variable", async () => {
    let ctx: RTVIContextValue | null = null;
    let commits = 0;
    await connected(
      <>
        <ContextProbe onContext={(c) => (ctx = c)} />
        <Profiler id="mic" onRender={() => commits++}>
          <MicToggle />
        </Profiler>
      </>,
    );
    const meter = screen.getByRole("button").querySelector('[data-slot="meter"]') as HTMLElement;
    const before = commits;
    act(() => {
      for (const level of [0.1, 0.42, 0.9, 0.42]) (ctx as unknown as RTVIContextValue).session.levels.mic.push(level);
    });
    expect(meter.style.getPropertyValue("--rtvi-mic-level")).toBe("0.420");
    expect(commits).toBe(before);
  });

  it("says when the bot has muted the user, and cannot unmute meanwhile", async () => {
    const { transport } = await connected(<MicToggle defaultMuted />);
    const user = userEvent.setup();
    const button = screen.getByRole("button", { name: "Mute" });
    await waitFor(() => expect(transport.isMicEnabled).toBe(false));
    inject(transport, msg("user-mute-started"));
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAttribute("data-muted-by-bot", "");
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("The bot has muted your microphone for now.");
    expect(button).toHaveAttribute("aria-describedby", status.id);
    await user.click(button);
    expect(transport.isMicEnabled).toBe(false);
    expect(button).toHaveAttribute("data-state", "muted");
    inject(transport, msg("user-mute-stopped"));
    expect(button).not.toHaveAttribute("aria-disabled");
    expect(screen.queryByRole("status")).toBeNull();
    await user.click(button);
    expect(transport.isMicEnabled).toBe(true);
  });

  it.each([
    ["denied", /blocked/],
    ["no-device", /No microphone was found/],
  ] as const)("explains a %s microphone", async (microphone, text) => {
    await connected(<MicToggle />, microphone);
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent(text);
    expect(screen.getByRole("button", { name: "Mute" })).toHaveAttribute("aria-describedby", status.id);
    expect(screen.getByRole("button")).toHaveAttribute("data-rtvi-mic-status", microphone);
  });
});
