// A consumer of the packed tarball: uses every public export under strict settings with
// skipLibCheck off, once with moduleResolution "bundler" and once with "node16".
import { PipecatClient, RTVIEvent } from "@pipecat-ai/client-js";
import { createRef, useRef, type ReactNode } from "react";
import {
  AudioUnlockButton,
  BotAudio,
  CaptionsOverlay,
  ConnectButton,
  DeviceSelect,
  LatencyBadge,
  MicToggle,
  PipecatClientProvider,
  RTVIActionError,
  RTVIClientProvider,
  TextInput,
  TranscriptExportButton,
  TranscriptPanel,
  VoiceVisualizer,
  VolumeSlider,
  agentStateOf,
  bindClient,
  createSession,
  createTranscriptState,
  exportTranscript,
  reduceTranscript,
  useAgentState,
  useBotAudio,
  useBotVolume,
  useBotLevel,
  useBotSpeaking,
  useBotTranscript,
  useConnectButton,
  useConnection,
  useConversation,
  useDeviceSelect,
  useDevices,
  useLatency,
  useMicControl,
  useMicLevel,
  useMicToggle,
  usePipecatClient,
  usePushToTalk,
  useRTVIClient,
  useRTVIError,
  useRTVIEvent,
  useSendText,
  useSessionState,
  useTextInput,
  useTranscriptExport,
  useTransportState,
  useUserSpeaking,
  useUserTranscript,
  useVolumeSlider,
  type AgentState,
  type AudioUnlockLabels,
  type CaptionsOverlayLabels,
  type DeviceSelectLabels,
  type ExportTranscriptLabels,
  type LatencyBadgeLabels,
  type MicToggleLabelsInput,
  type RenderTurn,
  type TranscriptLabels,
  type TranscriptSide,
  type UseBotVolumeResult,
  type UseMicToggleOptions,
  type UseMicToggleResult,
  type TextInputLabels,
  type TranscriptExportLabels,
  type UseBotAudioOptions,
  type UseBotAudioResult,
  type UseDeviceSelectOptions,
  type UseDeviceSelectResult,
  type UseTextInputOptions,
  type UseTextInputResult,
  type UseTranscriptExportOptions,
  type UseTranscriptExportResult,
  type UseVolumeSliderOptions,
  type UseVolumeSliderResult,
  type VoiceVisualizerLabels,
  type VolumeSliderLabels,
  type SessionState,
  type SpeechTurn,
  type Turn,
} from "rtvi-react-kit";
import { ScriptedTransport, parseScript, type Script } from "rtvi-react-kit/testing";

const script: Script = parseScript({ events: [] });
const transport = ScriptedTransport.fromFixture(script, { speed: 2 });
const client = new PipecatClient({ transport });
const session = createSession();
const unbind: () => void = bindClient(session, client);
unbind();
const state: SessionState = session.store.getState();
const turns: readonly Turn[] = reduceTranscript(createTranscriptState(), { type: "bot-tts-text", data: { text: "hi" } }, 0).turns;
const md: string = exportTranscript(turns, "markdown");
const agent: AgentState = agentStateOf(state);
const err = new RTVIActionError("connect", "x");

function Panel(): ReactNode {
  const c: PipecatClient | null = useRTVIClient();
  const c2 = usePipecatClient();
  const ref = useRef<HTMLSpanElement>(null);
  useMicLevel((level: number) => ref.current?.style.setProperty("--l", String(level)));
  const coarse: number = useBotLevel({ steps: 5 });
  useRTVIEvent(RTVIEvent.BotReady, (data) => void data.version);
  const live: SpeechTurn | null = useBotTranscript().live;
  const { interim } = useUserTranscript();
  const { turns: all } = useConversation();
  const { connect } = useConnection();
  const { error } = useRTVIError();
  const mic = useMicControl();
  const devices = useDevices();
  const latency = useLatency();
  const send = useSendText();
  const botSpeaking: boolean = useBotSpeaking();
  const userSpeaking: boolean = useUserSpeaking();
  const speaking = botSpeaking || userSpeaking;
  const ts = useTransportState();
  const a = useAgentState();
  const n: number = useSessionState((s) => s.transcript.turns.length);
  const button = useConnectButton({});
  const ptt = usePushToTalk(ref, { enabled: true, onTalkingChange: (talking: boolean) => void talking });
  void [c, c2, coarse, live, interim, all, connect, error, mic, devices, latency, send, speaking, ts, a, n, button, ptt];
  return (
    <>
      <span ref={ref} />
      <VoiceVisualizer participant="bot" variant="circle" />
      <ConnectButton startBot={{ endpoint: "/start" }} />
      <TranscriptPanel mode="karaoke" />
      <TranscriptExportButton format="webvtt" />
      <MicToggle mode="push-to-talk" />
      <VolumeSlider />
      <DeviceSelect kind="mic" />
      <BotAudio />
      <AudioUnlockButton />
      <TextInput />
      <CaptionsOverlay />
      <LatencyBadge />
    </>
  );
}

// Issue 13: headless hooks, asChild, refs and labels, as a consumer writes them.
function Composed(): ReactNode {
  const textOptions: UseTextInputOptions = { interrupt: false, labels: { send: "发送" } };
  const text: UseTextInputResult = useTextInput(textOptions);
  const audioOptions: UseBotAudioOptions = { onBlockedChange: (blocked: boolean) => void blocked };
  const audio: UseBotAudioResult = useBotAudio(audioOptions);
  const exportOptions: UseTranscriptExportOptions = { format: "json", labels: { user: "我" } };
  const exported: UseTranscriptExportResult = useTranscriptExport(exportOptions);
  const deviceOptions: UseDeviceSelectOptions = { kind: "speaker", onDeviceChange: (id: string) => void id };
  const picker: UseDeviceSelectResult = useDeviceSelect(deviceOptions);
  const volumeOptions: UseVolumeSliderOptions = { step: 0.1 };
  const volume: UseVolumeSliderResult = useVolumeSlider(volumeOptions);
  const fileText: string = exported.getText();
  const percent: number = volume.percent;
  const names: readonly string[] = picker.devices.map((d) => d.label);
  const unlock: () => void = audio.unlock;
  void [fileText, percent, names, unlock];

  const connectRef = createRef<HTMLButtonElement>();
  const formRef = useRef<HTMLFormElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);
  const selectRef = (el: HTMLSelectElement | null) => void el;
  const sliderRef = useRef<HTMLSpanElement>(null);
  const visualizerRef = useRef<HTMLDivElement>(null);
  const captionsRef = useRef<HTMLDivElement>(null);
  const latencyRef = useRef<HTMLSpanElement>(null);

  const unlockLabels: AudioUnlockLabels = { unlock: "启用音频", blocked: "音频被浏览器阻止" };
  const deviceLabels: DeviceSelectLabels = { label: "扬声器", none: "未找到扬声器", systemDefault: "系统默认", device: (n: number) => `扬声器 ${n}` };
  const exportLabels: TranscriptExportLabels = { download: "下载", title: "记录" };
  const fileLabels: ExportTranscriptLabels = { bot: "助手" };
  const inputLabels: TextInputLabels = { message: "消息", sendFailed: "发送失败" };
  const volumeLabels: VolumeSliderLabels = { volume: "音量", valueText: (p: number) => `${p}%` };
  const latencyLabels: LatencyBadgeLabels = { latency: "延迟", median: "中位数", none: "—", ms: (ms: number) => `${ms} 毫秒` };
  const captionLabels: CaptionsOverlayLabels = { user: "我", bot: "助手" };
  const stateLabels: VoiceVisualizerLabels = { speaking: "正在说话", listening: "正在听", reconnecting: "正在重新连接" };

  // useMicToggle, MicToggle asChild / ref / labels, TranscriptPanel renderTurn / labels / ref, useBotVolume.
  const micLabels: MicToggleLabelsInput = { mute: "静音", pushToTalk: "按住说话", problems: { denied: "麦克风被阻止" } };
  const micOptions: UseMicToggleOptions = { mode: "push-to-talk", labels: micLabels, onMutedChange: (muted: boolean) => void muted };
  const mic: UseMicToggleResult = useMicToggle(micOptions);
  const pressed: boolean = mic.buttonProps["aria-pressed"];
  const byBot: boolean = mic.mutedByBot;
  const control = useMicControl();
  const muted: boolean = control.muted;
  const setMuted: (muted: boolean) => Promise<void> = control.setMuted;
  const botVolume: UseBotVolumeResult = useBotVolume();
  const level: number = botVolume.volume;
  const micRef = useRef<HTMLButtonElement>(null);
  const panelRef = createRef<HTMLDivElement>();
  const transcriptLabels: Partial<TranscriptLabels> = { user: "أنت", bot: "المساعد", jumpToLatest: "إلى الأحدث", showEarlier: (n: number) => `${n}` };
  const renderTurn: RenderTurn = (turn, { side, defaultRow }) => {
    const who: TranscriptSide | null = side;
    return turn.role === "function_call" ? defaultRow : <li data-side={who ?? undefined}>{turn.role === "system" ? turn.text : turn.text}</li>;
  };
  const states: Record<AgentState, string> = { disconnected: "", connecting: "", reconnecting: "", listening: "", thinking: "", speaking: "", error: "" };
  void [pressed, byBot, muted, setMuted, level, states];
  return (
    <div dir="rtl">
      <form {...text.formProps}>
        <textarea {...text.fieldProps} />
        <button {...text.sendButtonProps}>{text.labels.send}</button>
      </form>
      <audio {...audio.audioProps} />
      <ConnectButton asChild ref={connectRef} labels={{ disconnected: "连接" }}>
        <button className="fancy" />
      </ConnectButton>
      <AudioUnlockButton asChild onlyWhenBlocked labels={unlockLabels}>
        <a href="#sound">sound</a>
      </AudioUnlockButton>
      <TranscriptExportButton asChild labels={exportLabels} format="markdown">
        <button />
      </TranscriptExportButton>
      <TextInput ref={formRef} labels={inputLabels} sendButton={<button className="send" />} aria-label="chat" />
      <BotAudio ref={audioRef} labels={unlockLabels} showUnlockButton={false} />
      <DeviceSelect kind="speaker" ref={selectRef} labels={deviceLabels} />
      <VolumeSlider ref={sliderRef} labels={volumeLabels} dir="rtl" title="volume" />
      <VoiceVisualizer ref={visualizerRef} labels={stateLabels} />
      <CaptionsOverlay ref={captionsRef} labels={captionLabels} />
      <LatencyBadge ref={latencyRef} labels={latencyLabels} />
      <button {...mic.buttonProps}>{mic.label}</button>
      <MicToggle asChild ref={micRef} labels={micLabels} mode="push-to-talk">
        <button className="ptt" />
      </MicToggle>
      <MicToggle labels={{ mute: "كتم" }} muted={false} onMutedChange={(m: boolean) => void m} />
      <TranscriptPanel ref={panelRef} labels={transcriptLabels} renderTurn={renderTurn} dir="rtl" />
      <VoiceVisualizer participant="user" />
      <span>{exportTranscript([], "markdown", { labels: fileLabels })}</span>
    </div>
  );
}

export function App(): ReactNode {
  return (
    <RTVIClientProvider client={client}>
      <PipecatClientProvider createClient={() => new PipecatClient({ transport: new ScriptedTransport({ events: [] }) })}>
        <Panel />
        <Composed />
      </PipecatClientProvider>
    </RTVIClientProvider>
  );
}

export const values = { md, agent, err };
