import type { ApiVersion } from "./protocol.js";
import { demoToolDeclarations } from "../bots/tools.js";
import type { GeminiOptions } from "./client.js";

export type GeminiLiveEnv = Pick<GeminiOptions, "apiVersion" | "language" | "tools" | "googleSearch" | "contextCompression" | "resumption">;

function flag(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === "") return dflt;
  return !/^(0|false|no|off)$/i.test(v.trim());
}

/**
 * The Live session settings from the environment (GEMINI_API_VERSION, GEMINI_LANGUAGE,
 * GEMINI_TOOLS, GEMINI_GOOGLE_SEARCH, GEMINI_CONTEXT_COMPRESSION, GEMINI_SESSION_RESUMPTION).
 * Options given to a call explicitly win over these.
 */
export function geminiLiveFromEnv(env: NodeJS.ProcessEnv = process.env): GeminiLiveEnv {
  const version = (env.GEMINI_API_VERSION || "v1beta").trim();
  if (!["v1beta", "v1alpha", "v1"].includes(version)) throw new Error(`GEMINI_API_VERSION must be v1beta, v1alpha or v1, got "${version}"`);
  return {
    apiVersion: version as ApiVersion,
    language: env.GEMINI_LANGUAGE?.trim() || undefined,
    tools: flag(env.GEMINI_TOOLS, true) ? demoToolDeclarations : [],
    googleSearch: flag(env.GEMINI_GOOGLE_SEARCH, false),
    contextCompression: flag(env.GEMINI_CONTEXT_COMPRESSION, true),
    resumption: flag(env.GEMINI_SESSION_RESUMPTION, true),
  };
}
