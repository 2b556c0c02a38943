import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  AudioUnlockButton,
  CaptionsOverlay,
  ConnectButton,
  DeviceSelect,
  LatencyBadge,
  TextInput,
  TranscriptExportButton,
  VoiceVisualizer,
  VolumeSlider,
  type AgentState,
  type ConnectButtonLabels,
} from "rtvi-react-kit";
import { ScriptBuilder } from "./support/scripts";

/**
 * Composition: `asChild` makes your own element the kit's button (it keeps `aria-busy`,
 * the disabled state and the handlers), and every component takes a partial `labels` prop
 * for its strings, here in Chinese and in Arabic (`dir="rtl"`: the slider runs from the right).
 */
const meta = {
  title: "Patterns/Composition",
  parameters: { session: { options: { connectDelayMs: 300 } } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const CUSTOM_BUTTON = { padding: "10px 18px", border: 0, borderRadius: 999, background: "#1d4ed8", color: "#ffffff", font: "inherit", fontWeight: 600 };

/** `<ConnectButton asChild>` around a styled `<button>`: the live label, `data-state` and `aria-busy` land on it. */
export const CustomConnectButton: Story = {
  render: () => (
    <ConnectButton asChild>
      <button className="my-call-button" style={CUSTOM_BUTTON} />
    </ConnectButton>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button", { name: "Connect" });
    await expect(canvas.getAllByRole("button")).toHaveLength(1);
    await expect(button).toHaveClass("my-call-button", "rtvi-connect-button");
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-busy", "true"));
    await waitFor(() => expect(button).toHaveAccessibleName("Disconnect"), { timeout: 5_000 });
    await expect(button).toHaveAttribute("data-state", "ready");
  },
};

/**
 * Your own send and download buttons: `TextInput`'s `sendButton` and `TranscriptExportButton asChild`.
 * They keep `type="submit"` and the disabled state: nothing to send or export yet, so both are off.
 */
export const CustomSendAndExport: Story = {
  parameters: { session: { autoConnect: true, options: { onSendText: (text: string) => [{ at: 0, message: { label: "rtvi-ai", type: "bot-llm-text", data: { text: `Got: ${text}` } } }] } } },
  render: () => (
    <div className="sb-stack">
      <TextInput
        sendButton={
          <button aria-label="Send" style={{ ...CUSTOM_BUTTON, padding: "8px 12px" }}>
            ➤
          </button>
        }
      />
      <TranscriptExportButton asChild format="markdown">
        <button style={CUSTOM_BUTTON}>Save the conversation</button>
      </TranscriptExportButton>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const send = canvas.getByRole("button", { name: "Send" });
    const save = canvas.getByRole("button", { name: "Save the conversation" });
    await expect(send).toHaveAttribute("type", "submit");
    await expect(send).toBeDisabled();
    await expect(save).toBeDisabled();
    const field = canvas.getByRole("textbox", { name: "Message" });
    await waitFor(() => expect(field).toBeEnabled(), { timeout: 5_000 });
    await userEvent.type(field, "Hello");
    await expect(send).toBeEnabled();
    await userEvent.click(send);
    await waitFor(() => expect(field).toHaveValue(""));
    await waitFor(() => expect(save).toBeEnabled());
  },
};

interface Strings {
  lang: string;
  dir?: "rtl";
  connect: ConnectButtonLabels;
  message: string;
  send: string;
  mic: string;
  systemDefault: string;
  device: (n: number) => string;
  volume: string;
  latency: string;
  median: string;
  ms: (ms: number) => string;
  user: string;
  bot: string;
  download: string;
  unlock: string;
  states: Record<AgentState, string>;
}

function Relabelled({ s }: { s: Strings }) {
  return (
    <div lang={s.lang} dir={s.dir} className="sb-stack">
      <div className="sb-row">
        <ConnectButton labels={s.connect} />
        <VoiceVisualizer labels={s.states} />
        <LatencyBadge labels={{ latency: s.latency, median: s.median, ms: s.ms }} />
      </div>
      <CaptionsOverlay labels={{ user: s.user, bot: s.bot }} />
      <div className="sb-row">
        <DeviceSelect kind="mic" labels={{ label: s.mic, systemDefault: s.systemDefault, device: s.device }} />
        <VolumeSlider labels={{ volume: s.volume, valueText: (p) => `${s.volume} ${p}%` }} style={{ width: 160 }} />
      </div>
      <TextInput labels={{ message: s.message, send: s.send }} />
      <div className="sb-row">
        <TranscriptExportButton labels={{ download: s.download, user: s.user, bot: s.bot }} />
        <AudioUnlockButton labels={{ unlock: s.unlock }} />
      </div>
    </div>
  );
}

const CHINESE: Strings = {
  lang: "zh",
  connect: { disconnected: "连接", connecting: "正在连接…", connected: "等待机器人…", ready: "断开连接", disconnecting: "正在断开…", retry: "重试" },
  message: "消息",
  send: "发送",
  mic: "麦克风",
  systemDefault: "系统默认",
  device: (n) => `麦克风 ${n}`,
  volume: "音量",
  latency: "延迟",
  median: "中位数",
  ms: (ms) => `${ms} 毫秒`,
  user: "你",
  bot: "助手",
  download: "下载对话记录",
  unlock: "启用音频",
  states: { disconnected: "未连接", connecting: "正在连接", reconnecting: "正在重新连接", listening: "正在聆听", thinking: "助手正在思考", speaking: "助手正在说话", error: "连接错误" },
};

const ARABIC: Strings = {
  lang: "ar",
  dir: "rtl",
  connect: { disconnected: "اتصال", connecting: "جارٍ الاتصال…", connected: "بانتظار المساعد…", ready: "قطع الاتصال", disconnecting: "جارٍ قطع الاتصال…", retry: "إعادة المحاولة" },
  message: "الرسالة",
  send: "إرسال",
  mic: "الميكروفون",
  systemDefault: "الإعداد الافتراضي للنظام",
  device: (n) => `ميكروفون ${n}`,
  volume: "مستوى الصوت",
  latency: "زمن الاستجابة",
  median: "الوسيط",
  ms: (ms) => `${ms.toLocaleString("ar-EG")} مللي ثانية`,
  user: "أنت",
  bot: "المساعد",
  download: "تنزيل المحادثة",
  unlock: "تفعيل الصوت",
  states: { disconnected: "غير متصل", connecting: "جارٍ الاتصال", reconnecting: "جارٍ إعادة الاتصال", listening: "يستمع", thinking: "المساعد يفكر", speaking: "المساعد يتحدث", error: "خطأ في الاتصال" },
};

const chineseScript = new ScriptBuilder().wait(300).user("今天 天气 怎么样").bot("今天 北京 晴 气温 二十 度", { holdAfter: 3 }).build("zh");
const arabicScript = new ScriptBuilder().wait(300).user("كيف الطقس اليوم").bot("الجو مشمس ودافئ في القاهرة اليوم", { holdAfter: 3 }).build("ar");

/** Every string in Chinese: the connect states, agent states, latency, captions, devices, send and export. */
export const Chinese: Story = {
  parameters: { session: { script: chineseScript, options: { connectDelayMs: 300 } } },
  render: () => <Relabelled s={CHINESE} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("img", { name: "未连接" })).toBeVisible();
    await expect(canvas.getByRole("textbox", { name: "消息" })).toBeDisabled();
    await userEvent.click(canvas.getByRole("button", { name: "连接" }));
    await waitFor(() => expect(canvas.getByRole("button", { name: "断开连接" })).toBeVisible(), { timeout: 5_000 });
    await expect(canvas.getByRole("combobox", { name: "麦克风" })).toBeEnabled();
    await expect(canvas.getByRole("slider", { name: "音量" })).toHaveAttribute("aria-valuetext", "音量 100%");
    await waitFor(() => expect(canvasElement.querySelector("[data-rtvi-captions] [data-slot=speaker]")).toHaveTextContent("助手"), { timeout: 8_000 });
    await waitFor(() => expect(canvas.getByText(/^延迟/)).toHaveTextContent(/延迟 \d+ 毫秒 · 中位数 \d+ 毫秒/));
    await expect(canvas.getByRole("button", { name: "下载对话记录" })).toBeEnabled();
  },
};

/** Arabic, right to left: the layout mirrors, the slider runs from the right (→ lowers the volume), the text field takes Arabic. */
export const ArabicRightToLeft: Story = {
  parameters: { session: { script: arabicScript, options: { connectDelayMs: 300, onSendText: () => [] } } },
  render: () => <Relabelled s={ARABIC} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "اتصال" }));
    await waitFor(() => expect(canvas.getByRole("button", { name: "قطع الاتصال" })).toBeVisible(), { timeout: 5_000 });
    const thumb = canvas.getByRole("slider", { name: "مستوى الصوت" });
    await expect(canvasElement.querySelector("[data-rtvi-volume-slider]")).toHaveAttribute("dir", "rtl");
    thumb.focus();
    await userEvent.keyboard("{ArrowRight}");
    await expect(thumb).toHaveAttribute("aria-valuenow", "95");
    await expect(thumb).toHaveAttribute("aria-valuetext", "مستوى الصوت 95%");
    await waitFor(() => expect(canvasElement.querySelector("[data-rtvi-captions] [data-slot=speaker]")).toHaveTextContent("المساعد"), { timeout: 8_000 });
    await waitFor(() => expect(canvas.getByText(/^زمن الاستجابة/)).toHaveTextContent(/مللي ثانية · الوسيط/));
    const field = canvas.getByRole("textbox", { name: "الرسالة" });
    await userEvent.type(field, "شكرا");
    await expect(canvas.getByRole("button", { name: "إرسال" })).toBeEnabled();
  },
};
