/** What the offline demo bot can do on this machine, for GET /api/status and the UI's badge. */
export interface DemoStatus {
  /** How it speaks: espeak-ng, or one tone per word when espeak-ng is missing. */
  speech: "espeak-ng" | "tones";
  /** Whether it recognises speech (pocketsphinx), or only times it. */
  understands: boolean;
  /** Sentences for the user: what it can and cannot do here, and why. */
  limits: string[];
}

const PHRASES = "hello, the time, the date, a joke, who it is, what it can do, “repeat after me …”, “what did I just say”, the weather and goodbye";

/**
 * The user-facing account of the bot. Never names the badge itself ("Offline demo bot"): the
 * badge shows these sentences beside its own label.
 */
export function demoStatus(speech: DemoStatus["speech"], recogniser: { ok: true } | { ok: false; why: string }, understand: boolean): DemoStatus {
  const limits: string[] = [];
  const understands = understand && recogniser.ok;
  if (understands) {
    limits.push(`It recognises a few English phrases offline: ${PHRASES}. Anything else gets what it heard and this list.`);
    limits.push("It answers typed messages the same way; Chinese ones in Chinese, with a Mandarin voice.");
    limits.push("There is no AI model behind it: it cannot look anything up. Set GEMINI_API_KEY to talk to Gemini Live.");
  } else {
    const why = !understand ? "the stand-in's recognition is turned off (STANDIN_UNDERSTAND=0)" : (recogniser as { why: string }).why;
    limits.push(`It cannot recognise speech on this server (${why}): it tells how long you spoke, not what you said.`);
    limits.push(understand ? `Typed messages get real answers: ${PHRASES}; Chinese ones in Chinese.` : "Typed messages are echoed back.");
    limits.push("Set GEMINI_API_KEY to talk to Gemini Live instead.");
  }
  if (speech === "tones") limits.push("espeak-ng is not installed, so it answers in tones, one per word; the transcript shows the words.");
  return { speech, understands, limits };
}
