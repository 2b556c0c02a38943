import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { TranscriptPanel } from "../../../src";
import type { RTVIContextValue } from "../../../src/provider/context";
import { loadFixtures } from "../../support/fixtures";
import { playThrough, renderWithClient, scriptedClient } from "../../support/session";
import { ContextProbe, inject, msg, READY, stepUntil } from "./helpers";

const fixture = (name: string) => loadFixtures().find((f) => f.name === name) as unknown;
const log = () => screen.getByRole("log");
const rows = () => Array.from(log().querySelectorAll('[data-slot="turn"]'));
const announcer = (container: HTMLElement) => container.querySelector('[data-slot="announcer"]') as HTMLElement;

async function connected(script: unknown = READY, ui = <TranscriptPanel />) {
  const { client, transport } = scriptedClient(script, { speed: Infinity, paused: true });
  const view = renderWithClient(client, ui);
  await act(() => client.connect());
  return { client, transport, ...view };
}

describe("TranscriptPanel", () => {
  it("shows a grounded answer's sources as plain-text links, never the bot's HTML", async () => {
    const { transport } = await connected();
    inject(
      transport,
      msg("bot-started-speaking"),
      msg("bot-tts-text", { text: "Cloudy in Paris." }),
      msg("bot-llm-search-response", {
        rendered_content: '<a id="injected" href="javascript:alert(1)">search widget</a>',
        origins: [
          { site_uri: "https://weather.example/paris", site_title: '<img src=x onerror="alert(1)">Weather' },
          { site_uri: "https://news.example/" },
          { site_uri: "javascript:alert(1)", site_title: "evil" },
        ],
      }),
      msg("bot-stopped-speaking"),
    );
    const bot = rows()[0] as HTMLElement;
    const links = within(within(bot).getByRole("list", { name: "Sources" })).getAllByRole("link");
    expect(links.map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("rel")])).toEqual([
      ['<img src=x onerror="alert(1)">Weather', "https://weather.example/paris", "noopener noreferrer nofollow"],
      ["news.example", "https://news.example/", "noopener noreferrer nofollow"],
    ]);
    expect(log().querySelector("img, #injected, [href^='javascript']")).toBeNull();
    expect(log()).not.toHaveTextContent("search widget");
  });

  it("shows speakers, the karaoke tail apart from spoken text, and marks the interruption", async () => {
    const { transport } = await connected(fixture("word-timestamps-interrupted"), <TranscriptPanel userLabel="Ada" botLabel="Fox bot" />);
    // Mid-sentence: "Once upon" spoken, the rest generated but not yet said.
    stepUntil(transport, () => /^Once upon/.test(log().querySelectorAll('[data-slot="text"]')[1]?.textContent ?? ""));
    const bot = rows()[1] as HTMLElement;
    expect(bot).toHaveAttribute("data-role", "assistant");
    expect(bot).toHaveAttribute("data-live");
    expect(within(bot).getByText("Fox bot")).toHaveAttribute("data-slot", "speaker");
    expect(bot.querySelector('[data-slot="text"]')?.textContent).toMatch(/^Once upon/);
    expect(bot.querySelector('[data-slot="pending"]')?.textContent).toContain("forest.");

    stepUntil(transport, () => false);
    const [user, interrupted, again] = rows() as HTMLElement[];
    expect(user).toHaveTextContent("Ada Tell me a story.");
    expect(interrupted).toHaveAttribute("data-interrupted", "");
    expect(interrupted).toHaveTextContent("(interrupted)");
    expect(interrupted?.querySelector('[data-slot="text"]')).toHaveTextContent("Once upon a time, there was a fox. The fox lived");
    // karaoke: the never-spoken rest is not shown once the bot was cut off.
    expect(interrupted).not.toHaveTextContent("quiet forest");
    expect(again).toHaveTextContent("Wait, make it about a cat.");
  });

  it("strikes what an interrupted bot never said only in full mode; spoken mode hides the tail", async () => {
    const { transport } = await connected(
      fixture("word-timestamps-interrupted"),
      <>
        <TranscriptPanel mode="spoken" label="spoken" />
        <TranscriptPanel mode="full" label="full" />
      </>,
    );
    const spoken = () => screen.getByRole("log", { name: "spoken" });
    const full = () => screen.getByRole("log", { name: "full" });
    stepUntil(transport, () => full().textContent?.includes("Once upon") === true);
    expect(spoken().querySelector('[data-slot="pending"]')).toBeNull();
    expect(full().querySelector('[data-slot="pending"]')).not.toBeNull();
    stepUntil(transport, () => false);
    expect(spoken().querySelector("s")).toBeNull();
    expect(spoken()).not.toHaveTextContent("quiet forest");
    expect(full().querySelector('s[data-slot="unspoken"]')).toHaveTextContent("in a quiet forest.");
  });

  it("announces each finished turn once, never the streaming text", async () => {
    const { transport, container } = await connected(fixture("word-timestamps-interrupted"));
    expect(log()).toHaveAttribute("aria-live", "off");
    const live = announcer(container);
    expect(live).toHaveAttribute("aria-live", "polite");

    stepUntil(transport, () => log().textContent?.includes("tell me a story") === true);
    expect(live).toBeEmptyDOMElement(); // the interim transcript is not read out
    stepUntil(transport, () => log().textContent?.includes("Once upon") === true);
    expect(live).toHaveTextContent("You: Tell me a story.");
    expect(live).not.toHaveTextContent("Once");

    stepUntil(transport, () => !!log().querySelector("[data-interrupted][data-final]"));
    expect(live).toHaveTextContent("Bot: Once upon a time, there was a fox. The fox lived (interrupted)");
    expect(live).not.toHaveTextContent("forest");
    // Only the latest announcement is in the region: nothing is read twice.
    expect(live).not.toHaveTextContent("Tell me a story");

    stepUntil(transport, () => false);
    expect(live).toHaveTextContent(/^You: Wait, make it about a cat\.$/);
  });

  it("renders an HTML payload as text", async () => {
    const { transport } = await connected();
    inject(transport, msg("user-transcription", { text: '<img src=x onerror="alert(1)"><b>bold</b>', final: true }));
    expect(log().querySelector("img")).toBeNull();
    expect(log().querySelector("b")).toBeNull();
    expect(log()).toHaveTextContent('<img src=x onerror="alert(1)"><b>bold</b>');
  });

  it("shows tool calls compactly and errors as system lines", async () => {
    const { client, transport } = scriptedClient(fixture("function-call-and-errors"));
    renderWithClient(client, <TranscriptPanel />);
    await playThrough(client, transport);
    const call = log().querySelector('[data-role="function_call"]') as HTMLElement;
    expect(call.querySelector("details summary")).toHaveTextContent("get_weather");
    expect(call.querySelector('[data-slot="args"]')).toHaveTextContent('{"city":"Paris"}');
    expect(call.querySelector('[data-slot="result"]')).toHaveTextContent('"temp_c":14');
    const system = log().querySelectorAll('[data-role="system"]');
    expect(system.length).toBeGreaterThan(0);
    expect(system[0]).toHaveTextContent(/^Error/);
  });

  it("stays pinned at the bottom, keeps the reader's place when they scroll up, and jumps back", async () => {
    const { transport } = await connected();
    const el = log();
    let top = 0;
    let height = 1000;
    Object.defineProperty(el, "scrollHeight", { configurable: true, get: () => height });
    Object.defineProperty(el, "clientHeight", { configurable: true, get: () => 200 });
    Object.defineProperty(el, "scrollTop", { configurable: true, get: () => top, set: (v: number) => (top = Math.min(v, height - 200)) });

    inject(transport, msg("user-transcription", { text: "First.", final: true }));
    // Pinned readers follow the new turn on the next frame (no layout read per token).
    await waitFor(() => expect(top).toBe(800));
    height = 1400;
    inject(transport, msg("bot-llm-started"), msg("bot-llm-text", { text: "A reply." }));
    await waitFor(() => expect(top).toBe(1200));
    expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull();

    // The reader scrolls up: new text no longer moves them.
    act(() => {
      top = 300;
      el.dispatchEvent(new Event("scroll"));
    });
    const jump = await screen.findByRole("button", { name: "Jump to latest" });
    height = 1800;
    inject(transport, msg("bot-llm-text", { text: " And more." }));
    await new Promise<void>((r) => requestAnimationFrame(() => r()));
    expect(top).toBe(300);

    await userEvent.setup().click(jump);
    expect(top).toBe(1600);
    expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull();
    expect(el).toHaveFocus();

    // Scrolling back down by hand re-pins too (after the jump's own pin frame has run).
    await waitFor(() => expect(top).toBe(1600));
    await new Promise<void>((r) => requestAnimationFrame(() => r()));
    act(() => {
      top = 100;
      el.dispatchEvent(new Event("scroll"));
    });
    expect(screen.getByRole("button", { name: "Jump to latest" })).toBeInTheDocument();
    act(() => {
      top = 1590;
      el.dispatchEvent(new Event("scroll"));
    });
    expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull();
  });

  it("renders only the latest turns of a long history, and earlier ones on request", async () => {
    let ctx: RTVIContextValue | null = null;
    const { client } = scriptedClient(READY);
    renderWithClient(
      client,
      <>
        <ContextProbe onContext={(c) => (ctx = c)} />
        <TranscriptPanel windowSize={50} />
      </>,
    );
    act(() => {
      for (let i = 0; i < 10_000; i++) ctx?.session.dispatch({ type: "typed-text", text: `message ${i}`, interrupt: false });
    });
    expect(rows()).toHaveLength(50);
    expect(rows()[49]).toHaveTextContent("message 9999");
    await userEvent.setup().click(screen.getByRole("button", { name: /Show earlier \(9950 more\)/ }));
    expect(rows()).toHaveLength(100);
    expect(rows()[0]).toHaveTextContent("message 9900");
  });
});
