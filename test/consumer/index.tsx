// A consumer of the packed tarball: uses every public export under strict settings with
// skipLibCheck off, once with moduleResolution "bundler" and once with "node16".
import { PipecatClient, RTVIEvent } from "@pipecat-ai/client-js";
import { useRef, type ReactNode } from "react";
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
  joinChunk,
  reduceTranscript,
  useAgentState,
  useBotLevel,
  useBotSpeaking,
  useBotTranscript,
  useConnectButton,
  useConnection,
  useConversation,
  useDevices,
  useLatency,
  useMicControl,
  useMicLevel,
  usePipecatClient,
  usePushToTalk,
  useRTVIClient,
  useRTVIError,
  useRTVIEvent,
  useSendText,
  useSessionState,
  useTransportState,
  useUserSpeaking,
  useUserTranscript,
  type AgentState,
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
const joined: string = joinChunk("a", "b");
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

export function App(): ReactNode {
  return (
    <RTVIClientProvider client={client}>
      <PipecatClientProvider createClient={() => new PipecatClient({ transport: new ScriptedTransport({ events: [] }) })}>
        <Panel />
      </PipecatClientProvider>
    </RTVIClientProvider>
  );
}

export const values = { md, agent, joined, err };
