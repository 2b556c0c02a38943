import { describe, it } from "vitest";
import { createTranscriptState, reduceTranscript, type Turn } from "../../src/store/transcript";
import { loadFixtures } from "../support/fixtures";
import { expectTurns } from "../support/expectTurns";

describe("transcript engine replays every shared fixture", () => {
  for (const fx of loadFixtures()) {
    it(fx.name, () => {
      let state = createTranscriptState();
      for (const ev of fx.events) if ("message" in ev) state = reduceTranscript(state, ev.message, ev.at);
      expectTurns(state.turns as Turn[], fx.expect);
    });
  }
});
