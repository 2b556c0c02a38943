import type { ServerMessage } from "../gemini/protocol.js";

/** Grounding metadata shaped like the service's for a Google Search tool (two made-up offline sources). */
export function groundingFor(query: string, answer: string): NonNullable<NonNullable<ServerMessage["serverContent"]>["groundingMetadata"]> {
  return {
    webSearchQueries: [query],
    searchEntryPoint: { renderedContent: `<div class="search-entry">${query.replace(/[<>&"]/g, "")}</div>` },
    groundingChunks: [
      { web: { uri: "https://example.com/offline-source-1", title: "example.com" } },
      { web: { uri: "https://example.org/offline-source-2", title: "example.org" } },
    ],
    groundingSupports: [{ segment: { text: answer }, groundingChunkIndices: [0, 1], confidenceScores: [0.9, 0.7] }],
  };
}
