import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseHypothesis, createRecogniser, recogniserAvailable, type Recogniser } from "../../example-app/server/speech/recogniser.js";
import { classify } from "../../example-app/server/speech/responder.js";
import { canVoice, voice } from "../../example-app/tools/voice.js";

describe("chooseHypothesis", () => {
  // Line format of ps-stream: grammar hyp, its acoustic score, frames, open hyp, score, frames.
  it("keeps the grammar's phrase when its acoustic fit is close to the open model's", () => {
    const r = chooseHypothesis("\twhat time is it\t-9000\t200\twhat i write\t-8800\t200");
    expect(r).toMatchObject({ text: "what time is it", source: "grammar" });
    expect(r.gap).toBeCloseTo(1);
  });
  it("falls back to the open model when the grammar's path fits far worse", () => {
    expect(chooseHypothesis("\tare you a robot\t-9000\t200\ti like green apples\t-8000\t200")).toMatchObject({ text: "i like green apples", source: "open" });
  });
  it("uses whichever decoder produced words, or none", () => {
    expect(chooseHypothesis("\t\t0\t0\twe are told\t-7000\t180").source).toBe("open");
    expect(chooseHypothesis("\tgoodbye\t-500\t50\t\t0\t0").source).toBe("grammar");
    expect(chooseHypothesis("\t\t0\t0\t\t0\t0")).toMatchObject({ text: "", source: "none" });
  });
});

const avail = recogniserAvailable();
const why = !avail.ok ? avail.why : !canVoice() ? "espeak-ng or sox missing" : "";

describe.skipIf(why !== "")(`streaming recogniser${why ? ` (skipped: ${why})` : ""}`, () => {
  let rec: Recogniser;
  beforeAll(async () => {
    rec = createRecogniser();
    await rec.ready;
  });
  afterAll(() => rec?.close());

  it.skipIf(process.platform !== "linux")("runs under SCHED_IDLE, below every normal task (the bot server's frame clock)", () => {
    // /proc/<pid>/stat: field 41 is the scheduling policy; 5 is SCHED_IDLE, 0 normal.
    const stat = readFileSync(`/proc/${rec.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    expect(Number(fields[41 - 3])).toBe(5);
  });

  function say(text: string): Promise<{ events: string[]; final: string }> {
    const events: string[] = [];
    const offPartial = rec.on("partial", (t) => events.push(`partial:${t}`));
    const pcm = voice(text);
    for (let i = 0; i < pcm.length; i += 320) rec.write(pcm.subarray(i, i + 320));
    return rec.endUtterance().then((r) => {
      offPartial();
      events.push(`final:${r.text}`);
      return { events, final: r.text };
    });
  }

  it.each([
    ["What time is it right now", "time"],
    ["Tell me a joke about computers", "joke"],
    ["What did I just say", "recall"],
    ["Goodbye", "goodbye"],
  ])("hears %j as the %s intent, interim words before the final", async (text, intent) => {
    const { events, final } = await say(text);
    expect(classify(final).intent).toBe(intent);
    expect(events.at(-1)).toBe(`final:${final}`);
    expect(events.filter((e) => e.startsWith("partial:")).length).toBeGreaterThan(0);
  });

  it("gives the exact words of a grammar phrase", async () => {
    expect((await say("Tell me a joke about computers")).final).toBe("tell me a joke about computers");
  });

  it("drops an aborted utterance: no final for it, and the next one is heard alone", async () => {
    const finals: string[] = [];
    const off = rec.on("final", (r) => finals.push(r.text));
    const pcm = voice("What is the weather like today");
    for (let i = 0; i < pcm.length; i += 320) rec.write(pcm.subarray(i, i + 320));
    rec.abort();
    const next = await say("Who are you");
    off();
    expect(finals).toEqual([next.final]);
    expect(classify(next.final).intent).toBe("identity");
  });
});
