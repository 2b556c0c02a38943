import { useAgentState, type AgentState } from "rtvi-react-kit";

const TEXT: Record<AgentState, string> = {
  disconnected: "Not connected",
  connecting: "Connecting…",
  reconnecting: "Reconnecting…",
  listening: "Listening — go ahead and talk",
  thinking: "Thinking…",
  speaking: "Speaking",
  error: "Connection problem",
};

/** What the bot is doing, in words, under the visualizer. */
export function AgentStatus() {
  const state = useAgentState();
  return (
    <p className="app-status" data-state={state}>
      {TEXT[state]}
    </p>
  );
}
