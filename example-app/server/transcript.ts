import { rtvi, type RtviMessage } from "./rtvi.js";

/**
 * Turns Gemini's transcription fragments into the RTVI text events a Pipecat bot would send:
 * final-only user transcripts, per-fragment bot-llm-text/bot-tts-text, and bot-output by sentence.
 */
export class TranscriptMapper {
  private userText = "";
  private sentence = "";

  constructor(private readonly emit: (m: RtviMessage) => void) {}

  userFragment(text: string): void {
    this.userText += text;
  }

  /** Gemini's low-latency guess while the user is still talking: an interim (final=false) transcript. */
  userInterim(text: string): void {
    const t = text.trim();
    if (t) this.emit(rtvi("user-transcription", { text: t, final: false, user_id: "", timestamp: new Date().toISOString() }));
  }

  /** Send what the user said as one final transcript (Gemini has no explicit "final" marker). */
  flushUser(): void {
    const text = this.userText.trim();
    this.userText = "";
    if (text) this.emit(rtvi("user-transcription", { text, final: true, user_id: "", timestamp: new Date().toISOString() }));
  }

  botFragment(text: string): void {
    this.emit(rtvi("bot-llm-text", { text }));
    this.emit(rtvi("bot-tts-text", { text }));
    this.sentence += text;
    // Needs whitespace after the mark, so "3." of "3.5" waits for more text.
    for (let m = /^(.*?[.!?])\s+/s.exec(this.sentence); m; m = /^(.*?[.!?])\s+/s.exec(this.sentence)) {
      this.sentenceOut(m[1]!, "sentence");
      this.sentence = this.sentence.slice(m[0].length);
    }
  }

  /** Turn over: whatever is left was spoken as the end of a sentence. */
  flushBot(): void {
    if (this.sentence.trim()) this.sentenceOut(this.sentence, "sentence");
    this.sentence = "";
  }

  /** Barge-in: the words heard so far go out as a word-level fragment. */
  interruptBot(): void {
    if (this.sentence.trim()) this.sentenceOut(this.sentence, "word");
    this.sentence = "";
  }

  private sentenceOut(text: string, by: "sentence" | "word"): void {
    const t = text.trim();
    if (t) this.emit(rtvi("bot-output", { text: t, spoken: true, aggregated_by: by }));
  }
}
