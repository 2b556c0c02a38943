import type { GeminiOptions } from "./client.js";
import type { SetupMessage, Tool } from "./protocol.js";

/**
 * The first frame of every socket. Field for field what @google/genai's `live.connect` sends for
 * the same config (test/server/genai-sdk.test.ts compares the two). `handle` null leaves
 * resumption out; undefined asks for handles without resuming.
 */
export function buildSetup(opts: Omit<GeminiOptions, "logger" | "apiKey">, handle: string | null | undefined): SetupMessage {
  const tools: Tool[] = [];
  if (opts.tools?.length) tools.push({ functionDeclarations: opts.tools });
  if (opts.googleSearch) tools.push({ googleSearch: {} });
  const speechConfig: NonNullable<NonNullable<SetupMessage["setup"]["generationConfig"]>["speechConfig"]> = {
    voiceConfig: { prebuiltVoiceConfig: { voiceName: opts.voice } },
  };
  if (opts.language) speechConfig.languageCode = opts.language;
  const setup: SetupMessage["setup"] = {
    model: opts.model.startsWith("models/") ? opts.model : `models/${opts.model}`,
    generationConfig: { responseModalities: ["AUDIO"], speechConfig },
    systemInstruction: { parts: [{ text: opts.systemInstruction }] },
  };
  if (tools.length) setup.tools = tools;
  if (handle !== null) setup.sessionResumption = handle ? { handle } : {};
  setup.inputAudioTranscription = {};
  setup.outputAudioTranscription = {};
  if (opts.contextCompression !== false) setup.contextWindowCompression = { slidingWindow: {} };
  return { setup };
}
