import { act, render, screen } from "@testing-library/react";
import { Profiler, StrictMode } from "react";
import { describe, expect, it } from "vitest";
import { RTVIClientProvider, useBotLevel, useMicLevel } from "../../src";
import { scriptedClient } from "../support/session";

const levelScript = (n: number, source: "local" | "bot") => ({
  events: [
    { at: 0, message: { label: "rtvi-ai", type: "bot-ready", data: { version: "2.1.0" } } },
    ...Array.from({ length: n }, (_, i) => ({ at: 1 + i * 16, level: { source, value: (i % 10) / 10 } })),
  ],
});

describe("audio levels reach listeners without React renders", () => {
  it("600 mic readings: callback called 600 times, component rendered once", async () => {
    const { client, transport } = scriptedClient(levelScript(600, "local"));
    const readings: number[] = [];
    let commits = 0;
    function Meter() {
      useMicLevel((level) => readings.push(level));
      return <span>meter</span>;
    }
    render(
      <StrictMode>
        <RTVIClientProvider client={client}>
          <Profiler id="meter" onRender={() => void commits++}>
            <Meter />
          </Profiler>
        </RTVIClientProvider>
      </StrictMode>,
    );
    const mountCommits = commits;
    await act(async () => {
      await client.connect();
      await transport.played;
    });
    expect(readings).toHaveLength(600);
    expect(readings[5]).toBeCloseTo(0.5);
    expect(mountCommits).toBe(1);
    expect(commits).toBe(1);
    await client.disconnect();
  });

  it("the coarse form re-renders only when the level crosses a step", async () => {
    const { client } = scriptedClient(levelScript(0, "bot"));
    let renders = 0;
    function Coarse() {
      renders++;
      const level = useBotLevel({ steps: 4 });
      return <span data-testid="v">{level}</span>;
    }
    render(
      <RTVIClientProvider client={client}>
        <Coarse />
      </RTVIClientProvider>,
    );
    await act(async () => client.connect());
    const base = renders;
    const push = (v: number) => act(() => (client as unknown as { _options: { callbacks: { onRemoteAudioLevel(l: number): void } } })._options.callbacks.onRemoteAudioLevel(v));
    push(0.05);
    push(0.1);
    expect(renders).toBe(base);
    push(0.6);
    expect(screen.getByTestId("v").textContent).toBe("0.5");
    expect(renders).toBe(base + 1);
    push(0.55);
    expect(renders).toBe(base + 1);
    await client.disconnect();
  });
});
