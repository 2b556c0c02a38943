// Part b in the page: build a history fast, then stream bot tokens and time each one.
import { flushSync } from "react-dom";
import type { ScriptMessage } from "../../src/testing";
import type { ReactNode } from "react";
import type { PipecatClient } from "@pipecat-ai/client-js";
import { commits, frames, globals, median, mount, msg, newSession, resetCommits, sleep, unmount, type Session } from "./common";
import { FloorRowsTranscript, FloorTextTranscript, OursTranscript, OursTranscriptAll, TheirsTranscript, turnCount } from "./uis";

/** Who renders the stream: ours windowed (the default), ours with every row, the anchor, the two floors. */
export type TranscriptSide = "ours" | "ours-all" | "theirs" | "floor-rows" | "floor-text";
const SCREENS: Record<TranscriptSide, (p: { client: PipecatClient }) => ReactNode> = {
  ours: OursTranscript,
  "ours-all": OursTranscriptAll,
  theirs: TheirsTranscript,
  "floor-rows": FloorRowsTranscript,
  "floor-text": FloorTextTranscript,
};

let current: Session | null = null;

const WORDS = "so the fox went down to the river and looked at the water for a long while before it spoke again".split(" ");

// One user turn: what both sides see before a bot reply.
function userTurn(k: number): ScriptMessage[] {
  return [
    msg("user-started-speaking"),
    msg("user-transcription", { text: `Question number ${k}, please answer it.`, user_id: "", timestamp: new Date(0).toISOString(), final: true }),
    msg("user-stopped-speaking"),
    msg("bot-started-speaking"),
  ];
}

// A whole bot reply at once (history), as RTVI 2.0 sentence-level bot-output.
function botReply(k: number): ScriptMessage[] {
  return [msg("bot-output", { text: `This is reply ${k}, a sentence of ordinary length for a voice bot.`, spoken: true, aggregated_by: "sentence" }), msg("bot-stopped-speaking")];
}

/** One streamed token: a word-level bot-output, as a TTS with word timestamps sends them. */
const token = (i: number): ScriptMessage => msg("bot-output", { text: WORDS[i % WORDS.length], spoken: true, aggregated_by: "word" });

/** Mounts one side and fills its conversation with `turns` turns (user/bot pairs); returns the turn count its own hook reports. */
export async function setup(side: TranscriptSide, turns: number): Promise<number> {
  teardown();
  current = newSession(undefined, Infinity, false);
  const { client, transport } = current;
  const Screen = SCREENS[side];
  await mount(<Screen client={client} />);
  await client.connect();
  await transport.played;
  for (let k = 0; k < turns / 2; k++) {
    for (const m of [...userTurn(k), ...botReply(k)]) transport.inject(m);
    // Let React commit now and then, as it would while a real history arrived.
    if (k % 250 === 249) await sleep(0);
  }
  await frames(3);
  const built = turnCount.value;
  flushSync(() => turnCount.show(false));
  return built;
}

export interface StreamResult {
  /** performance.now() around a flushSync'd inject: reducer, render, commit and effects (ms). */
  commitMs: number[];
  /** From the token to the end of the frame that shows it (rAF, then setTimeout 0), sampled (ms). */
  paintMs: number[];
  /** <Profiler> actualDuration summed per token (ms). */
  actualMs: number[];
  /** React commits per token (1 expected). */
  commitsPerToken: number;
  turnsAfter: number;
}

/**
 * Streams `tokens` bot tokens as replies of `replyLen` words, each after a user turn (the user
 * turns are not timed). Every `paintEvery`-th token starts at the top of a frame and is timed to
 * the end of that frame's rendering; the others run back to back, yielding now and then.
 */
export async function stream(tokens: number, replyLen: number, paintEvery: number): Promise<StreamResult> {
  if (!current) throw new Error("setup() first");
  const { transport } = current;
  const commitMs: number[] = [];
  const paintMs: number[] = [];
  const actualMs: number[] = [];
  let commitCount = 0;
  const timed = (m: ScriptMessage): number => {
    resetCommits();
    const t0 = performance.now();
    flushSync(() => transport.inject(m));
    const dt = performance.now() - t0;
    commitCount += commits.count;
    actualMs.push(commits.actual);
    commitMs.push(dt);
    return t0;
  };
  for (let i = 0; i < tokens; i++) {
    if (i % replyLen === 0) {
      if (i > 0) transport.inject(msg("bot-stopped-speaking"));
      for (const m of userTurn(1_000_000 + i)) transport.inject(m);
      await frames(1);
    }
    const m = token(i);
    if (i % paintEvery === 0) {
      paintMs.push(
        await new Promise<number>((resolve) =>
          globals.__benchRaf(() => {
            const t0 = timed(m);
            setTimeout(() => resolve(performance.now() - t0), 0);
          }),
        ),
      );
    } else {
      timed(m);
      if (i % 25 === 24) await sleep(0);
    }
  }
  transport.inject(msg("bot-stopped-speaking"));
  await frames(2);
  flushSync(() => turnCount.show(true));
  return { commitMs, paintMs, actualMs, commitsPerToken: commitCount / tokens, turnsAfter: turnCount.value };
}

export function teardown(): void {
  unmount();
  const s = current;
  current = null;
  if (s) void s.client.disconnect().catch(() => undefined);
}

export const summarize = (r: StreamResult) => ({ commit: median(r.commitMs), paint: median(r.paintMs), actual: median(r.actualMs) });
