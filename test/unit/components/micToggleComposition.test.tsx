import { act, fireEvent, renderHook, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef, type MouseEvent, type ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { MicToggle, useMicControl, useMicToggle } from "../../../src";
import { RTVIClientProvider } from "../../../src/provider/RTVIClientProvider";
import { renderWithClient, scriptedClient } from "../../support/session";
import type { RTVIContextValue } from "../../../src/provider/context";
import { ContextProbe, READY, inject, msg } from "./helpers";

async function connected(ui: ReactNode, microphone?: "denied" | "no-device") {
  const { client, transport } = scriptedClient(READY, { speed: Infinity, microphone });
  const view = renderWithClient(client, ui);
  await act(() => client.connect());
  return { client, transport, ...view };
}

describe("MicToggle refs", () => {
  it("a user's ref gets the button and the toggle's own ref keeps working (Space on the focused button talks)", async () => {
    const ref = createRef<HTMLButtonElement>();
    const { transport } = await connected(<MicToggle ref={ref} mode="push-to-talk" />);
    const button = screen.getByRole("button", { name: "Push to talk" });
    expect(ref.current).toBe(button);
    const user = userEvent.setup();
    act(() => button.focus());
    // The toggle recognises its own focused button as not a typing target only through its own ref.
    await user.keyboard("[Space>]");
    expect(transport.isMicEnabled).toBe(true);
    await user.keyboard("[/Space]");
    expect(transport.isMicEnabled).toBe(false);
  });

  it("a callback ref is called with the button and with null on unmount", async () => {
    const calls: Array<HTMLButtonElement | null> = [];
    const { unmount } = await connected(<MicToggle ref={(el) => void calls.push(el)} />);
    expect(calls[0]).toBe(screen.getByRole("button", { name: "Mute" }));
    unmount();
    expect(calls.at(-1)).toBeNull();
  });
});

describe("MicToggle asChild", () => {
  it("the child becomes the toggle: aria-pressed, data-state, the label and the mic follow its clicks", async () => {
    const { transport } = await connected(
      <MicToggle asChild>
        <a href="#mic" className="mine" role="button" />
      </MicToggle>,
    );
    const link = screen.getByRole("button", { name: "Mute" });
    expect(link.tagName).toBe("A");
    expect(link).toHaveClass("mine");
    expect(link).toHaveClass("rtvi-mic-toggle");
    expect(link).toHaveAttribute("aria-pressed", "false");
    await userEvent.setup().click(link);
    expect(transport.isMicEnabled).toBe(false);
    expect(link).toHaveAttribute("aria-pressed", "true");
    expect(link).toHaveAttribute("data-state", "muted");
  });

  it("push-to-talk on the child: pointer holds talk, and the child's own handler can veto a click", async () => {
    const own = vi.fn((e: MouseEvent) => e.preventDefault());
    const { transport } = await connected(
      <>
        <MicToggle asChild mode="push-to-talk">
          <button type="button" className="ptt">
            Hold
          </button>
        </MicToggle>
        <MicToggle asChild>
          <button type="button" onClick={own}>
            Veto
          </button>
        </MicToggle>
      </>,
    );
    const ptt = screen.getByRole("button", { name: "Hold" });
    expect(ptt).toHaveAttribute("data-mode", "push-to-talk");
    fireEvent.pointerDown(ptt, { button: 0, pointerId: 1 });
    expect(transport.isMicEnabled).toBe(true);
    expect(ptt).toHaveAttribute("aria-pressed", "true");
    expect(ptt).toHaveAttribute("data-talking", "");
    fireEvent.pointerUp(ptt, { pointerId: 1 });
    expect(transport.isMicEnabled).toBe(false);

    const veto = screen.getByRole("button", { name: "Veto" });
    const before = transport.isMicEnabled;
    await userEvent.setup().click(veto);
    expect(own).toHaveBeenCalledOnce();
    expect(transport.isMicEnabled).toBe(before);
  });

  it("the bot's mute stays on the child: aria-disabled, data-muted-by-bot, described by the notice", async () => {
    const { transport } = await connected(
      <MicToggle asChild defaultMuted>
        <button type="button">Mic</button>
      </MicToggle>,
    );
    const button = screen.getByRole("button", { name: "Mic" });
    await waitFor(() => expect(transport.isMicEnabled).toBe(false));
    inject(transport, msg("user-mute-started"));
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAttribute("data-muted-by-bot", "");
    expect(button).toHaveAttribute("aria-describedby", screen.getByRole("status").id);
    await userEvent.setup().click(button);
    expect(transport.isMicEnabled).toBe(false);
  });

  it("the level reaches the child itself as --rtvi-mic-level (no meter span inside a slotted child)", async () => {
    let ctx: RTVIContextValue | null = null;
    await connected(
      <>
        <ContextProbe onContext={(c) => (ctx = c)} />
        <MicToggle asChild>
          <button type="button">Mic</button>
        </MicToggle>
      </>,
    );
    act(() => (ctx as unknown as RTVIContextValue).session.levels.mic.push(0.5));
    expect(screen.getByRole("button", { name: "Mic" }).style.getPropertyValue("--rtvi-mic-level")).toBe("0.500");
  });
});

describe("MicToggle labels", () => {
  it("names the button and says problems in the given language", async () => {
    await connected(<MicToggle labels={{ mute: "静音", problems: { denied: "麦克风被阻止" } }} />, "denied");
    expect(screen.getByRole("button", { name: "静音" })).toBeInTheDocument();
    expect(await screen.findByRole("status")).toHaveTextContent("麦克风被阻止");
  });

  it("push-to-talk and the bot's mute in Arabic", async () => {
    const { transport } = await connected(<MicToggle mode="push-to-talk" labels={{ pushToTalk: "اضغط للتحدث", mutedByBot: "كتم البوت الميكروفون" }} />);
    expect(screen.getByRole("button", { name: "اضغط للتحدث" })).toBeInTheDocument();
    inject(transport, msg("user-mute-started"));
    expect(screen.getByRole("status")).toHaveTextContent("كتم البوت الميكروفون");
  });
});

describe("useMicToggle and useMicControl's muted", () => {
  it("drives a hand-made button through buttonProps; useMicControl says muted and setMuted mutes", async () => {
    const { client, transport } = scriptedClient(READY, { speed: Infinity });
    const wrapper = ({ children }: { children: ReactNode }) => <RTVIClientProvider client={client}>{children}</RTVIClientProvider>;
    const { result } = renderHook(() => ({ toggle: useMicToggle(), control: useMicControl() }), { wrapper });
    await act(() => client.connect());
    expect(result.current.toggle.buttonProps["aria-pressed"]).toBe(false);
    act(() => result.current.toggle.toggle());
    await waitFor(() => expect(result.current.control.muted).toBe(true));
    expect(transport.isMicEnabled).toBe(false);
    expect(result.current.toggle.buttonProps["data-state"]).toBe("muted");
    expect(result.current.control.enabled).toBe(false);
    await act(() => result.current.control.setMuted(false));
    expect(transport.isMicEnabled).toBe(true);
    expect(result.current.toggle.muted).toBe(false);
  });
});
