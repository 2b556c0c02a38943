/** Where a speech turn's text came from. */
export type TurnSource = "bot-output" | "bot-tts-text" | "bot-llm-text" | "user-transcription" | "typed";

/** A user or bot utterance. */
export interface SpeechTurn {
  readonly id: string;
  readonly role: "user" | "assistant";
  /** What was said (user) or actually spoken (bot). */
  readonly text: string;
  /** The live tail: the user's interim transcript, or bot text generated but not yet spoken. */
  readonly pendingText: string;
  /** What an interrupted bot generated but never said. Never part of `text`. */
  readonly unspokenText: string;
  /** True once the turn can no longer change. */
  readonly final: boolean;
  /** True when the bot was cut off before it finished. */
  readonly interrupted: boolean;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly source: TurnSource;
  /** Bot turns: the web sources a search-grounded answer cites (RTVI `bot-llm-search-response`). */
  readonly search?: SearchGrounding;
  /** User turns: the text the bot's LLM actually received for this turn (RTVI `user-llm-text`). */
  readonly llmText?: string;
}

/** One web source of a grounded answer. Only http(s) addresses are kept. */
export interface SearchSource {
  readonly uri: string;
  readonly title: string | null;
}

/**
 * Search grounding of a bot answer, as plain data. The bot's `rendered_content` (HTML for
 * a search widget) is deliberately not kept: the kit never renders bot-supplied HTML.
 */
export interface SearchGrounding {
  /** The search result text the bot based its answer on, if it sent one. */
  readonly text: string | null;
  readonly sources: readonly SearchSource[];
}

/** A tool call made by the bot's LLM, shown as its own entry. */
export interface FunctionCallTurn {
  readonly id: string;
  readonly role: "function_call";
  readonly functionName: string | null;
  readonly toolCallId: string | null;
  readonly args: unknown;
  readonly result: unknown;
  readonly cancelled: boolean;
  readonly status: "started" | "in-progress" | "completed" | "cancelled";
  readonly final: boolean;
  readonly startedAt: number;
  readonly endedAt: number | null;
}

/** An error or notice shown inline in the conversation. */
export interface SystemTurn {
  readonly id: string;
  readonly role: "system";
  readonly kind: "error" | "info";
  readonly text: string;
  readonly fatal: boolean;
  readonly final: true;
  readonly startedAt: number;
  readonly endedAt: number;
}

/** One entry of the conversation. */
export type Turn = SpeechTurn | FunctionCallTurn | SystemTurn;

/** One `bot-output` segment (RTVI 2.1 `segment_id`). */
export interface BotSegment {
  readonly key: string;
  readonly text: string;
  readonly spoken: string;
}

/** Working data for the bot turn being built; not part of the public turn. */
export interface BotWork {
  readonly id: string;
  readonly llm: string;
  readonly tts: string;
  readonly segments: readonly BotSegment[];
  /** `bot-output` text marked `spoken: false` with no segment: generated ahead of speech. */
  readonly outputAhead: string;
  readonly source: "bot-output" | "bot-tts-text" | "bot-llm-text";
}

/** The transcript engine's state. Turns keep their object identity until they change. */
export interface TranscriptState {
  readonly turns: readonly Turn[];
  readonly nextId: number;
  /** The user turn still collecting text, if any. */
  readonly openUserId: string | null;
  /** @internal The bot turn being built, if any (the engine's working state). */
  readonly bot: BotWork | null;
  readonly botSpeaking: boolean;
  readonly userSpeaking: boolean;
  /** The user started speaking after the open bot turn began. */
  readonly userSpokeDuringBot: boolean;
  /** False after an interruption until the bot starts a new response. */
  readonly acceptBotText: boolean;
  readonly maxTurns: number | null;
  /**
   * Function-call turns opened by in-progress / stopped before their `started` arrived
   * (newest last, a few at most): a late `started` joins one instead of opening a turn.
   */
  readonly unstartedCalls?: readonly string[];
}

/** Creates an empty transcript. `maxTurns` bounds history (the live turns are never dropped). */
export function createTranscriptState(maxTurns: number | null = null): TranscriptState {
  return {
    turns: [],
    nextId: 1,
    openUserId: null,
    bot: null,
    botSpeaking: false,
    userSpeaking: false,
    userSpokeDuringBot: false,
    acceptBotText: true,
    maxTurns,
  };
}
