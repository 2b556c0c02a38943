import type { Intent } from "../server/speech/responder.js";

/** The 20 spoken prompts of the speech bench: what is said and which intent it should reach. */
export const SPEECH_PROMPTS: readonly { text: string; intent: Intent }[] = [
  { text: "Hello there", intent: "greeting" },
  { text: "Good morning", intent: "greeting" },
  { text: "How are you doing", intent: "greeting" },
  { text: "What time is it right now", intent: "time" },
  { text: "What is the time", intent: "time" },
  { text: "What is the date today", intent: "date" },
  { text: "What day is it", intent: "date" },
  { text: "Tell me a joke", intent: "joke" },
  { text: "Tell me a joke about computers", intent: "joke" },
  { text: "Who are you", intent: "identity" },
  { text: "What is your name", intent: "identity" },
  { text: "What can you do", intent: "abilities" },
  { text: "What did I just say", intent: "recall" },
  { text: "What is the weather like today", intent: "weather" },
  { text: "Will it rain tomorrow", intent: "weather" },
  { text: "Repeat after me the sky is blue", intent: "repeat" },
  { text: "Goodbye", intent: "goodbye" },
  { text: "See you later", intent: "goodbye" },
  { text: "I like green apples", intent: "unknown" },
  { text: "Open the door for me", intent: "unknown" },
];
