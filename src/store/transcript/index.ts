export * from "./types";
export { reduceTranscript, typedText, sessionEnded, localError, errorText } from "./reducer";
export { joinChunk, joinChunks } from "./text";
