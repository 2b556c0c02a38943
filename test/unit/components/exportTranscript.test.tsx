import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { exportTranscript, TranscriptExportButton, type Turn } from "../../../src";
import { renderWithClient, scriptedClient } from "../../support/session";
import { READY } from "./helpers";

const T0 = Date.UTC(2026, 10, 23, 10, 0, 0);
const speech = (id: string, role: "user" | "assistant", text: string, start: number, end: number | null, extra: Partial<Turn> = {}): Turn =>
  ({ id, role, text, pendingText: "", unspokenText: "", final: end !== null, interrupted: false, startedAt: T0 + start, endedAt: end === null ? null : T0 + end, source: role === "user" ? "user-transcription" : "bot-output", ...extra }) as Turn;

const turns: Turn[] = [
  speech("1", "user", "What's the *weather*?", 0, 1200),
  { id: "2", role: "function_call", functionName: "get_weather", toolCallId: "c1", args: { city: "Paris" }, result: { temp_c: 14 }, cancelled: false, status: "completed", final: true, startedAt: T0 + 1500, endedAt: T0 + 1900 },
  speech("3", "assistant", "It's 14 <degrees> & cloudy.", 2000, 4500, { interrupted: true, unspokenText: " Bring a coat." }),
  { id: "4", role: "system", kind: "error", text: "The LLM timed out.", fatal: false, final: true, startedAt: T0 + 5000, endedAt: T0 + 5000 },
  speech("5", "user", "Thanks", 61_000, null),
];

describe("exportTranscript", () => {
  it("writes JSON with ISO timestamps and only spoken text", () => {
    const parsed = JSON.parse(exportTranscript(turns, "json")) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(5);
    expect(parsed[0]).toMatchObject({ id: "1", role: "user", text: "What's the *weather*?", startedAt: "2026-11-23T10:00:00.000Z", endedAt: "2026-11-23T10:00:01.200Z" });
    expect(parsed[1]).toMatchObject({ role: "function_call", functionName: "get_weather", args: { city: "Paris" }, result: { temp_c: 14 } });
    expect(parsed[2]).toMatchObject({ text: "It's 14 <degrees> & cloudy.", interrupted: true, unspokenText: " Bring a coat." });
    expect(parsed[4]).toMatchObject({ endedAt: null, final: false });
  });

  it("writes Markdown with times from the first turn, escaping markup", () => {
    const md = exportTranscript(turns, "markdown", { userLabel: "Ada", botLabel: "Weather bot" });
    expect(md.split("\n")).toEqual([
      "# Transcript",
      "",
      "- `00:00:00` **Ada:** What's the \\*weather\\*?",
      '- `00:00:01` _Function call_ `get_weather({"city":"Paris"})` → `{"temp_c":14}`',
      "- `00:00:02` **Weather bot:** It's 14 \\<degrees\\> & cloudy. _(interrupted)_",
      "- `00:00:05` _Error:_ The LLM timed out.",
      "- `00:01:01` **Ada:** Thanks",
      "",
    ]);
  });

  it("writes WebVTT cues relative to the first turn, with voices and escaped text", () => {
    const vtt = exportTranscript(turns, "webvtt");
    expect(vtt).toBe(
      [
        "WEBVTT",
        "",
        "1",
        "00:00:00.000 --> 00:00:01.200",
        "<v You>What's the *weather*?",
        "",
        "2",
        "00:00:02.000 --> 00:00:04.500",
        "<v Bot>It's 14 &lt;degrees&gt; &amp; cloudy.",
        "",
        "3",
        "00:01:01.000 --> 00:01:02.000",
        "<v You>Thanks",
        "",
      ].join("\n"),
    );
    expect(exportTranscript([], "webvtt")).toBe("WEBVTT\n");
  });
});

describe("TranscriptExportButton", () => {
  afterEach(() => vi.restoreAllMocks());

  it("downloads through an object URL and revokes it", async () => {
    const create = vi.fn((_blob: Blob) => "blob:transcript");
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe("call.vtt");
      expect(this.href).toBe("blob:transcript");
    });
    const { client } = scriptedClient(READY);
    renderWithClient(client, <TranscriptExportButton format="webvtt" filename="call.vtt" turns={turns} />);
    await userEvent.setup().click(screen.getByRole("button", { name: "Download transcript" }));
    expect(clicked).toHaveBeenCalledOnce();
    const blob = create.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toContain("text/vtt");
    expect(await blob.text()).toContain("<v Bot>It's 14");
    await waitFor(() => expect(revoke).toHaveBeenCalledWith("blob:transcript"));
    expect(document.querySelector("a[download]")).toBeNull();
  });
});
