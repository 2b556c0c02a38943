import { useEffect, useState, type ReactNode } from "react";
import {
  BotAudio,
  CaptionsOverlay,
  ConnectButton,
  DeviceSelect,
  LatencyBadge,
  MicToggle,
  TextInput,
  TranscriptExportButton,
  TranscriptPanel,
  VoiceVisualizer,
  VolumeSlider,
  useAgentState,
  type TranscriptMode,
  type VisualizerVariant,
} from "rtvi-react-kit";
import { useScriptedSession } from "./session";
import "./demo.css";

/** Props of {@link VoiceAppDemo}, the whole-app composition the catalogue replays sessions in. */
export interface VoiceAppDemoProps {
  /** The app's heading. */
  title?: string;
  /** How both visualizers draw. */
  variant?: VisualizerVariant;
  /** What the transcript shows of the bot's text. */
  transcriptMode?: TranscriptMode;
  /** Mic as push-to-talk (hold Space) instead of a mute toggle. */
  pushToTalk?: boolean;
  /** Show the script toolbar (pause, step, resume). */
  scriptControls?: boolean;
}

const AGENT_TEXT: Record<ReturnType<typeof useAgentState>, string> = {
  disconnected: "Not connected",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  listening: "Listening",
  thinking: "Thinking…",
  speaking: "Speaking",
  error: "Connection error",
};

/** Pause / step / resume for the story's ScriptedTransport, and how much is left. */
function ScriptToolbar(): ReactNode {
  const session = useScriptedSession();
  const [, setTick] = useState(0);
  const refresh = (): void => setTick((t) => t + 1);
  // The transport has no events for its own progress: poll it, cheaply, while shown.
  useEffect(() => {
    const id = setInterval(refresh, 250);
    return () => clearInterval(id);
  }, []);
  if (!session) return null;
  const { transport } = session;
  return (
    <div role="toolbar" aria-label="Scripted session" className="demo-toolbar">
      <span className="demo-toolbar-label">Script</span>
      <button
        type="button"
        className="demo-tool"
        onClick={() => {
          if (transport.paused) transport.resume();
          else transport.pause();
          refresh();
        }}
      >
        {transport.paused ? "Resume" : "Pause"}
      </button>
      <button
        type="button"
        className="demo-tool"
        disabled={!transport.paused || transport.remaining === 0}
        onClick={() => {
          transport.step();
          refresh();
        }}
      >
        Step
      </button>
      <span className="demo-toolbar-label" data-testid="remaining">
        {transport.remaining} events left
      </span>
    </div>
  );
}

function AgentStatus(): ReactNode {
  const agent = useAgentState();
  return (
    <p className="demo-status" data-state={agent}>
      {AGENT_TEXT[agent]}
    </p>
  );
}

/**
 * A small voice app made only of the kit's components: bot and mic visualizers, captions,
 * connect, mic, devices, volume, the transcript with typed input and export, and latency.
 */
export function VoiceAppDemo(props: VoiceAppDemoProps): ReactNode {
  const { title = "Mars guide", variant = "bars", transcriptMode = "karaoke", pushToTalk = false, scriptControls = true } = props;
  return (
    <div className="demo">
      <header className="demo-header">
        <h1 className="demo-title">{title}</h1>
        <LatencyBadge />
        <div className="demo-connect">
          <ConnectButton />
        </div>
      </header>
      <main className="demo-main">
        <section className="demo-stage" aria-label="Voice">
          <div className="demo-bot">
            <VoiceVisualizer participant="bot" variant={variant} barCount={variant === "bars" ? 7 : 24} className="demo-bot-visualizer" />
            <AgentStatus />
          </div>
          <div className="demo-captions">
            <CaptionsOverlay />
          </div>
          <div className="demo-you">
            <VoiceVisualizer participant="user" variant={variant} barCount={5} className="demo-mic-visualizer" label="Your microphone" />
            <MicToggle mode={pushToTalk ? "push-to-talk" : "toggle"} label={pushToTalk ? "Hold Space to talk" : undefined} />
          </div>
          <div className="demo-settings">
            <DeviceSelect kind="mic" />
            <DeviceSelect kind="speaker" />
            <div className="demo-volume">
              <span aria-hidden="true">Bot volume</span>
              <VolumeSlider label="Bot volume" />
            </div>
          </div>
          <BotAudio />
        </section>
        <section className="demo-chat" aria-label="Chat">
          <TranscriptPanel mode={transcriptMode} className="demo-transcript" placeholder="Connect and say hello: the conversation shows here." />
          <TextInput placeholder="Type a message…" />
          <div className="demo-row">
            <TranscriptExportButton>Download transcript</TranscriptExportButton>
          </div>
        </section>
      </main>
      {scriptControls && <ScriptToolbar />}
    </div>
  );
}
