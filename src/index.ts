// The public API of rtvi-react-kit. Everything a user imports is listed here by name.

export { RTVIClientProvider, RTVIClientProvider as PipecatClientProvider } from "./provider/RTVIClientProvider";
export type { RTVIClientProviderProps, RTVIClientProviderProps as PipecatClientProviderProps } from "./provider/RTVIClientProvider";
export { useRTVIClient, useRTVIClient as usePipecatClient } from "./provider/useRTVIClient";
export { useRTVIEvent } from "./provider/useRTVIEvent";

export { useTransportState } from "./hooks/useTransportState";
export { useConnection } from "./hooks/useConnection";
export type { UseConnectionResult } from "./hooks/useConnection";
export { useConversation } from "./hooks/useConversation";
export type { UseConversationResult } from "./hooks/useConversation";
export { useBotTranscript } from "./hooks/useBotTranscript";
export type { UseBotTranscriptResult } from "./hooks/useBotTranscript";
export { useUserTranscript } from "./hooks/useUserTranscript";
export type { UseUserTranscriptResult } from "./hooks/useUserTranscript";
export { useMicLevel } from "./hooks/useMicLevel";
export { useBotLevel } from "./hooks/useBotLevel";
export type { UseLevelOptions } from "./hooks/useLevel";
export { useMicControl } from "./hooks/useMicControl";
export type { UseMicControlResult } from "./hooks/useMicControl";
export { useBotSpeaking } from "./hooks/useBotSpeaking";
export { useUserSpeaking } from "./hooks/useUserSpeaking";
export { useRTVIError } from "./hooks/useRTVIError";
export type { UseRTVIErrorResult } from "./hooks/useRTVIError";
export { useDevices } from "./hooks/useDevices";
export type { UseDevicesResult } from "./hooks/useDevices";
export { useLatency } from "./hooks/useLatency";
export type { UseLatencyResult } from "./hooks/useLatency";
export { useAgentState, agentStateOf } from "./hooks/useAgentState";
export type { AgentState } from "./hooks/useAgentState";
export { useSendText } from "./hooks/useSendText";
export type { SendText } from "./hooks/useSendText";
export { useSessionState } from "./hooks/useSessionState";

export { RTVIActionError } from "./store/actions";
export type { RTVIAction, ConnectOptions, SessionActions } from "./store/actions";
export { createSession } from "./store/createSession";
export type { Session, SessionOptions } from "./store/createSession";
export { bindClient } from "./store/bindClient";
export type { BindOptions } from "./store/bindClient";
export type { SessionState, RTVIErrorInfo, MicStatus, DeviceOption } from "./store/sessionState";
export type { SessionAction } from "./store/sessionReducer";
export { reduceTranscript, createTranscriptState, joinChunk } from "./store/transcript";
export type { Turn, SpeechTurn, FunctionCallTurn, SystemTurn, TurnSource, TranscriptState } from "./store/transcript";
export type { LevelChannel, LevelListener } from "./audio/levelChannel";

// --- components ---
export { ConnectButton } from "./components/ConnectButton";
export type { ConnectButtonProps, ConnectButtonRenderState } from "./components/ConnectButton";
export { useConnectButton } from "./components/useConnectButton";
export type { ConnectButtonState, ConnectButtonLabels, UseConnectButtonOptions, UseConnectButtonResult } from "./components/useConnectButton";
export { TranscriptPanel } from "./components/TranscriptPanel";
export type { TranscriptPanelProps } from "./components/TranscriptPanel";
export type { TranscriptMode } from "./components/TranscriptTurn";
export { exportTranscript } from "./components/exportTranscript";
export type { TranscriptFormat, ExportTranscriptOptions } from "./components/exportTranscript";
export { TranscriptExportButton } from "./components/TranscriptExportButton";
export type { TranscriptExportButtonProps } from "./components/TranscriptExportButton";
export { VoiceVisualizer } from "./components/VoiceVisualizer";
export type { VoiceVisualizerProps } from "./components/VoiceVisualizer";
export type { VisualizerVariant } from "./components/visualizerDraw";
export { MicToggle } from "./components/MicToggle";
export type { MicToggleProps, MicToggleRenderState } from "./components/MicToggle";
export { usePushToTalk } from "./components/usePushToTalk";
export type { UsePushToTalkOptions, UsePushToTalkResult } from "./components/usePushToTalk";
