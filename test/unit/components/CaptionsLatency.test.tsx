import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CaptionsOverlay, LatencyBadge } from "../../../src";
import { loadFixtures } from "../../support/fixtures";
import { renderWithClient, scriptedClient } from "../../support/session";
import { inject, msg, READY, stepUntil } from "./helpers";

describe("CaptionsOverlay", () => {
  it("shows only the line being said now, and by whom", async () => {
    const fx = loadFixtures().find((f) => f.name === "word-timestamps-interrupted");
    const { client, transport } = scriptedClient(fx, { speed: Infinity, paused: true });
    const { container } = renderWithClient(client, <CaptionsOverlay userLabel="Ada" />);
    await act(() => client.connect());
    const captions = container.querySelector("[data-rtvi-captions]") as HTMLElement;
    expect(captions).toHaveAttribute("aria-live", "off");
    expect(captions).toHaveAttribute("data-state", "idle");

    stepUntil(transport, () => captions.textContent?.includes("tell me a story") === true);
    expect(captions).toHaveTextContent("Ada tell me a story");
    expect(captions.querySelector('[data-slot="pending"]')).toHaveTextContent("tell me a story");

    stepUntil(transport, () => captions.textContent?.includes("Once upon") === true);
    expect(captions).toHaveAttribute("data-role", "assistant");
    expect(captions).toHaveTextContent(/^Bot Once upon/);
    expect(captions).not.toHaveTextContent("forest"); // not said yet
    expect(captions).not.toHaveTextContent("Tell me a story");

    stepUntil(transport, () => false);
    expect(captions).toHaveAttribute("data-state", "idle");
    expect(captions).toBeEmptyDOMElement();
  });
});

describe("LatencyBadge", () => {
  afterEach(() => vi.useRealTimers());

  it("shows the last and median latency with a state by thresholds", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { client, transport } = scriptedClient(READY, { speed: Infinity });
    renderWithClient(client, <LatencyBadge goodMs={700} slowMs={1000} />);
    await act(() => client.connect());
    const badge = screen.getByText(/Latency/);
    expect(badge).toHaveTextContent("Latency —");
    expect(badge).toHaveAttribute("data-state", "none");

    const turn = (ms: number) => {
      inject(transport, msg("user-started-speaking"), msg("user-stopped-speaking"));
      vi.setSystemTime(Date.now() + ms);
      inject(transport, msg("bot-started-speaking"), msg("bot-stopped-speaking"));
    };
    turn(640);
    expect(badge).toHaveTextContent("Latency 640 ms · median 640 ms");
    expect(badge).toHaveAttribute("data-state", "good");
    turn(760);
    expect(badge).toHaveTextContent("Latency 760 ms · median 700 ms");
    expect(badge).toHaveAttribute("data-state", "ok");
    turn(2400);
    expect(badge).toHaveAttribute("data-state", "slow");
  });
});

