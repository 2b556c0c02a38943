import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { TranscriptPanel, type RenderTurn, type TranscriptLabels } from "../../../src";
import type { RTVIContextValue } from "../../../src/provider/context";
import { loadFixtures } from "../../support/fixtures";
import { playThrough, renderWithClient, scriptedClient } from "../../support/session";
import { ContextProbe, inject, msg, READY, stepUntil } from "./helpers";

const fixture = (name: string) => loadFixtures().find((f) => f.name === name) as unknown;
const log = () => screen.getByRole("log");
const announcer = (container: HTMLElement) => container.querySelector('[data-slot="announcer"]') as HTMLElement;

function withContext(ui: React.ReactNode) {
  let ctx: RTVIContextValue | null = null;
  const { client, transport } = scriptedClient(READY, { speed: Infinity, paused: true });
  const view = renderWithClient(
    client,
    <>
      <ContextProbe onContext={(c) => (ctx = c)} />
      {ui}
    </>,
  );
  const type = (text: string) => act(() => (ctx as unknown as RTVIContextValue).session.dispatch({ type: "typed-text", text, interrupt: false }));
  return { client, transport, type, ...view };
}

// Module level: stable, as the docs ask.
const bubble: RenderTurn = (turn, { side, labels, defaultRow }) => {
  if (turn.role === "function_call" || turn.role === "system") return defaultRow;
  return (
    <li data-testid="bubble" data-side={side}>
      <b>{side === "bot" ? labels.bot : labels.user}</b> {turn.text}
    </li>
  );
};

describe("TranscriptPanel renderTurn", () => {
  it("renders the user's rows while the live region still announces finished turns", async () => {
    const { client, transport, container } = (() => {
      const { client, transport } = scriptedClient(fixture("word-timestamps-interrupted"), { speed: Infinity, paused: true });
      return { client, transport, ...renderWithClient(client, <TranscriptPanel renderTurn={bubble} />) };
    })();
    await act(() => client.connect());
    stepUntil(transport, () => !!log().querySelector('[data-side="bot"]') && announcer(container).textContent !== "");
    expect(announcer(container)).toHaveTextContent("You: Tell me a story.");
    const bubbles = within(log()).getAllByTestId("bubble");
    expect(bubbles[0]).toHaveAttribute("data-side", "user");
    expect(log().querySelector('[data-slot="turn"]')).toBeNull();
  });

  it("calls renderTurn only for the turn that changed, and keeps windowing (Show earlier)", async () => {
    const render = vi.fn(bubble);
    const { type } = withContext(<TranscriptPanel renderTurn={render} windowSize={3} />);
    for (let i = 0; i < 5; i++) type(`message ${i}`);
    expect(within(log()).getAllByTestId("bubble")).toHaveLength(3);
    render.mockClear();
    type("message 5");
    // The new turn renders (twice under StrictMode); the rows already on screen are not asked again.
    expect(new Set(render.mock.calls.map(([turn]) => (turn.role === "user" ? turn.text : "")))).toEqual(new Set(["message 5"]));
    await userEvent.setup().click(screen.getByRole("button", { name: "Show earlier (3 more)" }));
    expect(within(log()).getAllByTestId("bubble")).toHaveLength(6);
  });

  it("undefined keeps the kit's row, null hides the turn", () => {
    const only: RenderTurn = (turn) => (turn.role === "user" && turn.text === "secret" ? null : undefined);
    const { type } = withContext(<TranscriptPanel renderTurn={only} />);
    type("hello");
    type("secret");
    const rows = log().querySelectorAll('[data-slot="turn"]');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("You hello");
    expect(rows[0]).toHaveAttribute("data-side", "user");
  });

  it("an inline labels object with the same words does not re-render the history", () => {
    const render = vi.fn(bubble);
    let bump: () => void = () => undefined;
    function Parent() {
      const [n, setN] = useState(0);
      bump = () => setN(n + 1);
      return <TranscriptPanel data-n={n} renderTurn={render} labels={{ user: "Ada" }} />;
    }
    const { type } = withContext(<Parent />);
    type("one");
    type("two");
    render.mockClear();
    act(() => bump());
    expect(render).not.toHaveBeenCalled();
    expect(log()).toHaveTextContent("Ada two");
  });

  it("forwards its ref to the root and takes the root's attributes", () => {
    const ref = createRef<HTMLDivElement>();
    withContext(<TranscriptPanel ref={ref} id="t" dir="rtl" lang="ar" />);
    expect(ref.current).toHaveAttribute("data-rtvi-transcript");
    expect(ref.current).toHaveAttribute("dir", "rtl");
    expect(ref.current?.id).toBe("t");
  });
});

const ZH: Partial<TranscriptLabels> = {
  user: "你",
  bot: "助手",
  log: "对话",
  placeholder: "还没有消息",
  jumpToLatest: "跳到最新",
  showEarlier: (n) => `显示更早的 ${n} 条`,
  interrupted: "（被打断）",
  notSpoken: "（未说出）",
  sources: "来源",
  functionCall: "函数调用",
  functionStatus: (s) => (s === "completed" ? "完成" : s),
  arguments: "参数：",
  result: "结果：",
  error: "错误",
  notice: "提示",
};

describe("TranscriptPanel labels", () => {
  it("says every string in Chinese: log name, placeholder, show earlier, speakers, interruption, jump", async () => {
    const { client, transport } = scriptedClient(fixture("word-timestamps-interrupted"), { speed: Infinity, paused: true });
    const { container } = renderWithClient(client, <TranscriptPanel labels={ZH} windowSize={1} mode="full" />);
    expect(screen.getByRole("log", { name: "对话" })).toHaveTextContent("还没有消息");
    await act(() => client.connect());
    stepUntil(transport, () => false);
    expect(screen.getByRole("button", { name: /^显示更早的 \d+ 条$/ })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole("button", { name: /^显示更早的/ }));
    const bot = log().querySelector('[data-side="bot"][data-interrupted]') as HTMLElement;
    expect(within(bot).getByText("助手")).toHaveAttribute("data-slot", "speaker");
    expect(bot).toHaveTextContent("（未说出）");
    expect(bot).toHaveTextContent("（被打断）");
    expect(announcer(container)).toHaveTextContent(/^你: /);
    expect(log()).not.toHaveTextContent(/You|Bot|interrupted|not spoken/);

    const el = log();
    Object.defineProperty(el, "scrollHeight", { configurable: true, value: 1000 });
    Object.defineProperty(el, "clientHeight", { configurable: true, value: 100 });
    Object.defineProperty(el, "scrollTop", { configurable: true, get: () => 0, set: () => undefined });
    act(() => void el.dispatchEvent(new Event("scroll")));
    expect(await screen.findByRole("button", { name: "跳到最新" })).toBeInTheDocument();
  });

  it("tool calls, sources and system lines in Chinese", async () => {
    const { client, transport } = scriptedClient(fixture("function-call-and-errors"));
    renderWithClient(client, <TranscriptPanel labels={ZH} />);
    await playThrough(client, transport);
    const call = log().querySelector('[data-role="function_call"]') as HTMLElement;
    expect(call.querySelector("summary")).toHaveTextContent(/^函数调用 get_weather/);
    expect(call).toHaveTextContent("参数：");
    expect(log().querySelector('[data-role="system"]')).toHaveTextContent(/^错误/);
  });

  it("names a grounded answer's sources in Arabic", async () => {
    const { client, transport } = scriptedClient(READY, { speed: Infinity, paused: true });
    renderWithClient(client, <TranscriptPanel labels={{ bot: "المساعد", sources: "المصادر" }} dir="rtl" />);
    await act(() => client.connect());
    inject(
      transport,
      msg("bot-started-speaking"),
      msg("bot-tts-text", { text: "غائم في باريس." }),
      msg("bot-llm-search-response", { origins: [{ site_uri: "https://weather.example/paris", site_title: "الطقس" }] }),
      msg("bot-stopped-speaking"),
    );
    expect(screen.getByRole("list", { name: "المصادر" })).toHaveTextContent("الطقس");
    expect(log()).toHaveTextContent("المساعد");
  });

  it("the deprecated userLabel / botLabel / label still win", () => {
    const { type } = withContext(<TranscriptPanel userLabel="Ada" label="Chat" labels={{ user: "ignored" }} />);
    type("hi");
    expect(screen.getByRole("log", { name: "Chat" })).toHaveTextContent("Ada hi");
  });
});
