import { createTranscriptState, reduceTranscript, typedText, type TranscriptState } from "../../src/store/transcript";

type Msg = { type: string; data?: Record<string, unknown> };

/**
 * Transcript scenarios that read like the conversation:
 * `convo().user("hi").botSays(["Hello", "there"]).interrupt().turns`.
 */
export function convo(state: TranscriptState = createTranscriptState(), now = 0) {
  const send = (...msgs: Msg[]) => {
    let s = state;
    let t = now;
    for (const m of msgs) s = reduceTranscript(s, { label: "rtvi-ai", ...m }, ++t);
    return convo(s, t);
  };
  return {
    state,
    get turns() {
      return state.turns;
    },
    send,
    /** A user utterance with speaking events and a final transcript. */
    user: (text: string) =>
      send({ type: "user-started-speaking" }, { type: "user-stopped-speaking" }, { type: "user-transcription", data: { text, final: true } }),
    /** The bot speaks the given TTS chunks (word timestamps), with its start events. */
    botSays: (chunks: string[], opts: { stop?: boolean } = {}) =>
      send(
        { type: "bot-llm-started" },
        { type: "bot-tts-started" },
        { type: "bot-started-speaking" },
        ...chunks.map((text) => ({ type: "bot-tts-text", data: { text } })),
        ...(opts.stop === false ? [] : [{ type: "bot-stopped-speaking" }]),
      ),
    typed: (text: string, interrupt = false) => convo(typedText(state, text, now + 1, interrupt), now + 1),
  };
}
