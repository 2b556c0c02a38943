import { act, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AudioUnlockButton, CaptionsOverlay, DeviceSelect, exportTranscript, LatencyBadge, TextInput, TranscriptExportButton, VoiceVisualizer, VolumeSlider, type Turn } from "../../../src";
import { loadFixtures } from "../../support/fixtures";
import { renderWithClient, scriptedClient } from "../../support/session";
import { inject, msg, READY, stepUntil } from "./helpers";

const unnamed = (deviceId: string) => ({ deviceId, label: "", kind: "audioinput", groupId: "g", toJSON: () => ({}) }) as MediaDeviceInfo;

describe("labels render in other languages", () => {
  afterEach(() => vi.useRealTimers());

  it("TextInput, AudioUnlockButton, TranscriptExportButton and VoiceVisualizer in Chinese", () => {
    const { client } = scriptedClient(READY);
    renderWithClient(
      client,
      <>
        <TextInput labels={{ message: "消息", send: "发送", placeholder: "输入消息…" }} />
        <AudioUnlockButton labels={{ unlock: "启用音频" }} />
        <TranscriptExportButton labels={{ download: "下载记录" }} />
        <VoiceVisualizer labels={{ disconnected: "未连接" }} levels={0} />
      </>,
    );
    expect(screen.getByLabelText("消息")).toHaveAttribute("placeholder", "输入消息…");
    expect(screen.getByRole("button", { name: "发送" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "启用音频" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "下载记录" })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "未连接" })).toHaveAttribute("data-state", "disconnected");
  });

  it("the deprecated single-string props still work", () => {
    const { client } = scriptedClient(READY);
    renderWithClient(
      client,
      <>
        <TextInput label="Nachricht" sendLabel="Senden" />
        <VolumeSlider label="Lautstärke" />
        <LatencyBadge label="Latenz" />
      </>,
    );
    expect(screen.getByLabelText("Nachricht").tagName).toBe("TEXTAREA");
    expect(screen.getByRole("button", { name: "Senden" })).toBeInTheDocument();
    expect(screen.getByRole("slider", { name: "Lautstärke" })).toHaveAttribute("aria-valuetext", "Lautstärke 100%");
    expect(screen.getByText("Latenz —")).toBeInTheDocument();
  });

  it("DeviceSelect names unnamed devices and the empty list in Chinese", async () => {
    const { client, transport } = scriptedClient(READY, { speed: Infinity });
    vi.spyOn(transport, "getAllMics").mockResolvedValue([unnamed("m1"), unnamed("m2")]);
    renderWithClient(client, <DeviceSelect kind="mic" labels={{ label: "麦克风", systemDefault: "系统默认", device: (n) => `麦克风 ${n}` }} />);
    await act(() => client.connect());
    const select = screen.getByLabelText("麦克风") as HTMLSelectElement;
    await waitFor(() => expect(Array.from(select.options).map((o) => o.text)).toEqual(expect.arrayContaining(["麦克风 1", "麦克风 2"])));
    expect(select.textContent).not.toContain("Device");
  });

  it("DeviceSelect without a microphone", async () => {
    const { client } = scriptedClient(READY, { speed: Infinity, microphone: "no-device" });
    renderWithClient(client, <DeviceSelect kind="mic" labels={{ none: "未找到麦克风" }} />);
    await act(() => client.connect());
    await waitFor(() => expect(screen.getByRole("combobox")).toHaveDisplayValue("未找到麦克风"));
  });

  it("VolumeSlider speaks its value in Arabic", () => {
    const { client } = scriptedClient(READY);
    renderWithClient(client, <VolumeSlider labels={{ volume: "مستوى الصوت", valueText: (p, name) => `${name} ${p.toLocaleString("ar-EG")}٪` }} />);
    expect(screen.getByRole("slider", { name: "مستوى الصوت" })).toHaveAttribute("aria-valuetext", "مستوى الصوت ١٠٠٪");
  });

  it("LatencyBadge in Arabic, with its own number format", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { client, transport } = scriptedClient(READY, { speed: Infinity });
    renderWithClient(client, <LatencyBadge labels={{ latency: "زمن الاستجابة", median: "الوسيط", none: "لا يوجد", ms: (n) => `${n.toLocaleString("ar-EG")} مللي ثانية` }} />);
    await act(() => client.connect());
    expect(screen.getByText("زمن الاستجابة لا يوجد")).toBeInTheDocument();
    inject(transport, msg("user-started-speaking"), msg("user-stopped-speaking"));
    vi.setSystemTime(Date.now() + 640);
    inject(transport, msg("bot-started-speaking"), msg("bot-stopped-speaking"));
    expect(screen.getByText(/^زمن الاستجابة/)).toHaveTextContent("زمن الاستجابة ٦٤٠ مللي ثانية · الوسيط ٦٤٠ مللي ثانية");
  });

  it("CaptionsOverlay names the speakers in Chinese", async () => {
    const fx = loadFixtures().find((f) => f.name === "word-timestamps-interrupted");
    const { client, transport } = scriptedClient(fx, { speed: Infinity, paused: true });
    const { container } = renderWithClient(client, <CaptionsOverlay labels={{ user: "我", bot: "助手" }} />);
    await act(() => client.connect());
    const captions = container.querySelector("[data-rtvi-captions]") as HTMLElement;
    stepUntil(transport, () => captions.textContent?.includes("tell me a story") === true);
    expect(captions.querySelector('[data-slot="speaker"]')).toHaveTextContent("我");
    stepUntil(transport, () => captions.textContent?.includes("Once upon") === true);
    expect(captions.querySelector('[data-slot="speaker"]')).toHaveTextContent("助手");
  });

  it("exportTranscript writes the file in the given words", () => {
    const base = { pendingText: "", unspokenText: "", final: true, startedAt: 0, endedAt: 1 };
    const turns = [
      { ...base, id: "1", role: "user", text: "你好", interrupted: false, source: "user-transcription" },
      { ...base, id: "2", role: "assistant", text: "很高兴", interrupted: true, source: "bot-output" },
    ] as Turn[];
    const md = exportTranscript(turns, "markdown", { labels: { title: "对话记录", user: "我", bot: "助手", interrupted: "被打断" } });
    expect(md).toContain("# 对话记录");
    expect(md).toContain("**我:** 你好");
    expect(md).toContain("**助手:** 很高兴 _(被打断)_");
    expect(md).not.toMatch(/Transcript|You|Bot|interrupted/);
  });
});
