import { PipecatClient } from "@pipecat-ai/client-js";
import { useState } from "react";
import {
  BotAudio,
  CameraToggle,
  CaptionsOverlay,
  ConnectButton,
  DeviceSelect,
  LatencyBadge,
  MetricsPanel,
  MicToggle,
  RTVIClientProvider,
  ScreenShareToggle,
  SessionTimer,
  TextInput,
  TranscriptExportButton,
  TranscriptPanel,
  VideoTile,
  VoiceVisualizer,
  VolumeSlider,
} from "rtvi-react-kit";
import { startBot } from "./config";
import { AgentStatus } from "./AgentStatus";
import { ErrorBanner } from "./ErrorBanner";
import { PreJoin } from "./PreJoin";
import { createTransport, transportKind } from "./transport";
import { ModeBadge } from "./ModeBadge";
import { TransportChoice } from "./TransportChoice";
import { useServerStatusInfo } from "./useServerStatus";

function VoiceApp() {
  const { mode, demo } = useServerStatusInfo();
  const [pushToTalk, setPushToTalk] = useState(false);
  // WavMediaManager records and plays audio only, through its own player: no camera or screen to
  // send, and neither the speaker choice nor the volume reaches what it plays.
  const audioOnly = transportKind === "websocket";
  return (
    <div className="app">
      <header className="app-header">
        <h1>Voice demo</h1>
        <ModeBadge mode={mode} demo={demo} />
        <SessionTimer className="app-timer" />
        <LatencyBadge className="app-latency" />
        <TransportChoice />
      </header>
      <ErrorBanner />
      <main className="app-main">
        <section className="app-stage" aria-label="Call">
          <div className="app-visual">
            <VoiceVisualizer participant="bot" barCount={24} bands="mel" className="app-bot-visualizer" labels={{ noSignal: "no audio level on this transport" }} />
            <CaptionsOverlay className="app-captions" />
            {audioOnly ? null : <VideoTile source="camera" className="app-self-view" fit="cover" />}
            {audioOnly ? null : <VideoTile source="screen" className="app-screen-view" fit="contain" />}
          </div>
          <AgentStatus />
          <PreJoin />
          <div className="app-controls">
            <ConnectButton startBot={startBot} className="app-connect" />
            <MicToggle mode={pushToTalk ? "push-to-talk" : "toggle"} />
            <VoiceVisualizer participant="user" barCount={12} className="app-mic-visualizer" />
            {audioOnly ? null : <CameraToggle className="app-camera" />}
            {audioOnly ? null : <ScreenShareToggle className="app-screen-share" />}
          </div>
          {audioOnly ? (
            <p className="app-transport-note">
              On the WebSocket transport the call is audio only, played at the system&apos;s speaker and volume: camera,
              screen share, speaker choice and volume need WebRTC.
            </p>
          ) : null}
          <label className="app-ptt">
            <input type="checkbox" checked={pushToTalk} onChange={(e) => setPushToTalk(e.target.checked)} />
            Push to talk (hold Space or the mic button)
          </label>
          <details className="app-settings">
            <summary>Audio settings</summary>
            <DeviceSelect kind="mic" />
            {audioOnly ? null : <DeviceSelect kind="speaker" />}
            {audioOnly ? null : <DeviceSelect kind="camera" />}
            {audioOnly ? null : <VolumeSlider />}
          </details>
          <details className="app-details">
            <summary>Details</summary>
            <MetricsPanel className="app-metrics" />
          </details>
        </section>
        <section className="app-conversation" aria-label="Conversation">
          <div className="app-conversation-head">
            <h2>Transcript</h2>
            <TranscriptExportButton format="markdown" />
          </div>
          <TranscriptPanel
            className="app-transcript"
            mode="karaoke"
            botLabel="Bot"
            userLabel="You"
            placeholder="Press Connect and start talking, or type a message below."
          />
          <TextInput className="app-text-input" />
        </section>
      </main>
      <BotAudio />
    </div>
  );
}

const createClient = () => new PipecatClient({ transport: createTransport(), enableMic: true, enableCam: false });

export function App() {
  return (
    <RTVIClientProvider createClient={createClient}>
      <VoiceApp />
    </RTVIClientProvider>
  );
}
