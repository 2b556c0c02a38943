import { RTVIEvent } from "@pipecat-ai/client-js";

/**
 * The fallback route for transports whose message path cannot be read: each client-js
 * message event mapped back to the RTVI message type it came from. `error` and
 * `error-response` come through the Error and MessageError events, which carry the message.
 */
export const MESSAGE_EVENTS: ReadonlyArray<readonly [RTVIEvent, string]> = [
  [RTVIEvent.BotReady, "bot-ready"],
  [RTVIEvent.UserTranscript, "user-transcription"],
  [RTVIEvent.UserStartedSpeaking, "user-started-speaking"],
  [RTVIEvent.UserStoppedSpeaking, "user-stopped-speaking"],
  [RTVIEvent.BotStartedSpeaking, "bot-started-speaking"],
  [RTVIEvent.BotStoppedSpeaking, "bot-stopped-speaking"],
  [RTVIEvent.BotLlmStarted, "bot-llm-started"],
  [RTVIEvent.BotLlmStopped, "bot-llm-stopped"],
  [RTVIEvent.BotLlmText, "bot-llm-text"],
  [RTVIEvent.BotTtsStarted, "bot-tts-started"],
  [RTVIEvent.BotTtsStopped, "bot-tts-stopped"],
  [RTVIEvent.BotTtsText, "bot-tts-text"],
  [RTVIEvent.BotOutput, "bot-output"],
  [RTVIEvent.LLMFunctionCall, "llm-function-call"],
  [RTVIEvent.LLMFunctionCallStarted, "llm-function-call-started"],
  [RTVIEvent.LLMFunctionCallInProgress, "llm-function-call-in-progress"],
  [RTVIEvent.LLMFunctionCallStopped, "llm-function-call-stopped"],
  [RTVIEvent.ServerMessage, "server-message"],
  [RTVIEvent.UserMuteStarted, "user-mute-started"],
  [RTVIEvent.UserMuteStopped, "user-mute-stopped"],
  [RTVIEvent.UserLlmText, "user-llm-text"],
  [RTVIEvent.BotLlmSearchResponse, "bot-llm-search-response"],
  [RTVIEvent.Metrics, "metrics"],
];
