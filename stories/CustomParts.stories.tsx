import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { MicToggle, TranscriptPanel, VolumeSlider, type RenderTurn, type TranscriptLabels } from "rtvi-react-kit";
import { waitReady } from "./support/play";
import { ScriptBuilder } from "./support/scripts";
import { sessionOf } from "./support/session";

/**
 * Your own parts over the kit's behaviour: a mic button of your own with `asChild`, transcript
 * rows of your own with `renderTurn` (the live region, pinning and windowing stay the
 * panel's), a fully relabelled panel, and the transcript, slider and push-to-talk in Chinese
 * and in Arabic (`dir="rtl"`: bubbles mirror, the slider runs from the right).
 */
const meta = {
  title: "Patterns/Custom parts",
  parameters: { session: { autoConnect: true } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const ROUND = { width: 56, height: 56, borderRadius: "50%", border: "2px solid #1d4ed8", font: "inherit", fontSize: 22, background: "#ffffff", color: "#1d4ed8" };

/** `<MicToggle asChild>` around a round icon button: `aria-pressed`, `data-state` and the level variable land on it. */
export const CustomMicButton: Story = {
  render: () => (
    <MicToggle asChild labels={{ mute: "Microphone" }}>
      <button className="my-mic" style={ROUND} aria-label="Microphone">
        <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <rect x="9" y="3" width="6" height="11" rx="3" />
          <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
        </svg>
      </button>
    </MicToggle>
  ),
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const canvas = within(canvasElement);
    const button = canvas.getByRole("button", { name: "Microphone" });
    await expect(canvas.getAllByRole("button")).toHaveLength(1);
    await expect(button).toHaveClass("my-mic", "rtvi-mic-toggle");
    await expect(button).toHaveAttribute("aria-pressed", "false");
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "true"));
    await expect(button).toHaveAttribute("data-state", "muted");
    await expect(transport.isMicEnabled).toBe(false);
  },
};

const chat = new ScriptBuilder().user("What is the capital of Peru?").bot("Lima, on the Pacific coast.", { wordMs: 60 }).user("And of Chile?").bot("Santiago.", { wordMs: 60 }).build("capitals");

const AVATAR = { display: "inline-grid", placeItems: "center", flex: "none", width: 28, height: 28, borderRadius: "50%", color: "#ffffff", fontSize: 13, fontWeight: 700 };

// Module level, so it is stable: rows are memoised on it.
const chatRow: RenderTurn = (turn, { side, labels, defaultRow }) => {
  if (turn.role !== "user" && turn.role !== "assistant") return defaultRow;
  return (
    <li className="sb-chat-row" data-side={side} data-live={turn.final ? undefined : ""} style={{ display: "flex", gap: 8, alignSelf: side === "user" ? "flex-end" : "flex-start", alignItems: "baseline" }}>
      <span aria-hidden="true" style={{ ...AVATAR, background: side === "user" ? "#1d4ed8" : "#047857" }}>
        {(side === "user" ? labels.user : labels.bot).slice(0, 1)}
      </span>
      <span>
        <strong style={{ display: "block", fontSize: "0.75rem" }}>{side === "user" ? labels.user : labels.bot}</strong>
        {turn.text}
        {turn.pendingText && <span style={{ color: "#4b5563" }}> {turn.pendingText}</span>}
      </span>
    </li>
  );
};

/** `renderTurn`: chat rows with an avatar; the panel keeps announcing finished turns and following new ones. */
export const CustomTranscriptRow: Story = {
  parameters: { session: { autoConnect: true, script: chat, options: { speed: 4 } } },
  render: () => <TranscriptPanel renderTurn={chatRow} style={{ height: 260, maxWidth: 520 }} />,
  play: async ({ canvasElement }) => {
    const log = within(canvasElement).getByRole("log", { name: "Conversation" });
    await waitFor(() => expect(log.querySelectorAll(".sb-chat-row")).toHaveLength(4), { timeout: 10_000 });
    await expect(log.querySelector('[data-slot="turn"]')).toBeNull();
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="announcer"]')).toHaveTextContent(/Bot: Santiago\./), { timeout: 10_000 });
  },
};

const FRENCH: Partial<TranscriptLabels> = {
  user: "Vous",
  bot: "Assistant",
  log: "Conversation avec l'assistant",
  placeholder: "Aucun message pour l'instant",
  jumpToLatest: "Aller au plus récent",
  showEarlier: (n) => `Afficher les précédents (${n})`,
  interrupted: "(interrompu)",
  notSpoken: "(non prononcé)",
  sources: "Sources",
  functionCall: "Appel de fonction",
  unnamedFunction: "fonction",
  functionStatus: (s) => ({ started: "commencé", "in-progress": "en cours", completed: "terminé", cancelled: "annulé" })[s],
  arguments: "Arguments :",
  result: "Résultat :",
  error: "Erreur",
  notice: "Avis",
};

const interrupted = new ScriptBuilder()
  .user("Raconte-moi une histoire.")
  .bot("Il était une fois un renard qui vivait dans une forêt tranquille.", { interruptAfter: 5, bargeIn: "Attends." })
  .functionCall("meteo", { ville: "Paris" }, { temp_c: 14 })
  .bot("Il fait quatorze degrés à Paris.")
  .build("fr");

/** Every string of the panel relabelled (French): speakers, the log's name, the interruption, the tool call, "show earlier". */
export const RelabelledTranscript: Story = {
  parameters: { session: { autoConnect: true, script: interrupted, options: { speed: 4 } } },
  render: () => <TranscriptPanel lang="fr" labels={FRENCH} mode="full" windowSize={3} style={{ height: 300, maxWidth: 520 }} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const log = canvas.getByRole("log", { name: "Conversation avec l'assistant" });
    await waitFor(() => expect(log).toHaveTextContent("Il fait quatorze degrés"), { timeout: 15_000 });
    await expect(log).toHaveTextContent("Appel de fonction meteo terminé");
    await userEvent.click(canvas.getByRole("button", { name: /^Afficher les précédents/ }));
    await expect(log.querySelector("[data-interrupted]")).toHaveTextContent("(interrompu)");
    await expect(log).not.toHaveTextContent(/Function call|You|Bot\b/);
  },
};

function Localised({ lang, dir, labels, volume, ptt }: { lang: string; dir?: "rtl"; labels: Partial<TranscriptLabels>; volume: string; ptt: string }) {
  return (
    <div lang={lang} dir={dir} className="sb-stack" style={{ maxWidth: 520 }}>
      <TranscriptPanel labels={labels} style={{ height: 240 }} />
      <div className="sb-row">
        <MicToggle mode="push-to-talk" labels={{ pushToTalk: ptt }} />
        <VolumeSlider labels={{ volume, valueText: (p) => `${volume} ${p}%` }} style={{ width: 160 }} />
      </div>
    </div>
  );
}

const zhScript = new ScriptBuilder().user("今天 天气 怎么样").bot("今天 北京 晴 气温 二十 度", { holdAfter: 5 }).build("zh-transcript");
const arScript = new ScriptBuilder().user("كيف الطقس اليوم").bot("الجو مشمس ودافئ في القاهرة اليوم", { holdAfter: 5 }).build("ar-transcript");

async function pushToTalk(button: HTMLElement, transport: { isMicEnabled: boolean }): Promise<void> {
  const user = userEvent.setup();
  await waitFor(() => expect(transport.isMicEnabled).toBe(false));
  await user.pointer({ keys: "[MouseLeft>]", target: button });
  await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "true"));
  await expect(transport.isMicEnabled).toBe(true);
  await user.pointer({ keys: "[/MouseLeft]", target: button });
  await waitFor(() => expect(transport.isMicEnabled).toBe(false));
}

/** Chinese: the transcript's speakers and name, push-to-talk and the slider. */
export const ChineseTranscript: Story = {
  parameters: { session: { autoConnect: true, script: zhScript } },
  render: () => <Localised lang="zh" labels={{ user: "你", bot: "助手", log: "对话", jumpToLatest: "跳到最新" }} volume="音量" ptt="按住说话" />,
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const canvas = within(canvasElement);
    const log = canvas.getByRole("log", { name: "对话" });
    await waitFor(() => expect(log.querySelector('[data-side="bot"] [data-slot="speaker"]')).toHaveTextContent("助手"), { timeout: 8_000 });
    await pushToTalk(canvas.getByRole("button", { name: "按住说话" }), transport);
    const thumb = canvas.getByRole("slider", { name: "音量" });
    thumb.focus();
    await userEvent.keyboard("{ArrowLeft}");
    await expect(thumb).toHaveAttribute("aria-valuetext", "音量 95%");
  },
};

/** Arabic, right to left: user bubbles sit on the left and the bot's on the right, the slider runs from the right, push-to-talk works. */
export const ArabicTranscriptRightToLeft: Story = {
  parameters: { session: { autoConnect: true, script: arScript } },
  render: () => <Localised lang="ar" dir="rtl" labels={{ user: "أنت", bot: "المساعد", log: "المحادثة", jumpToLatest: "الانتقال إلى الأحدث" }} volume="مستوى الصوت" ptt="اضغط للتحدث" />,
  play: async ({ canvasElement, loaded }) => {
    const { transport } = sessionOf({ loaded });
    await waitReady(transport);
    const canvas = within(canvasElement);
    const log = canvas.getByRole("log", { name: "المحادثة" });
    await waitFor(() => expect(log.querySelector('[data-side="bot"]')).not.toBeNull(), { timeout: 8_000 });
    const user = log.querySelector('[data-side="user"]') as HTMLElement;
    const bot = log.querySelector('[data-side="bot"]') as HTMLElement;
    // Right to left: the bot's bubble starts at the right edge, the user's ends at the left.
    const box = log.getBoundingClientRect();
    await expect(Math.abs(box.right - bot.getBoundingClientRect().right)).toBeLessThan(Math.abs(box.left - bot.getBoundingClientRect().left));
    await expect(Math.abs(box.left - user.getBoundingClientRect().left)).toBeLessThan(Math.abs(box.right - user.getBoundingClientRect().right));
    await pushToTalk(canvas.getByRole("button", { name: "اضغط للتحدث" }), transport);
    const thumb = canvas.getByRole("slider", { name: "مستوى الصوت" });
    thumb.focus();
    await userEvent.keyboard("{ArrowRight}");
    await expect(thumb).toHaveAttribute("aria-valuetext", "مستوى الصوت 95%");
  },
};
