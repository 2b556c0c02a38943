import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { recogniserAvailable } from "./native.js";

export { recogniserAvailable, type Availability } from "./native.js";

/** What one utterance was heard as. */
export interface RecognitionFinal {
  /** The chosen words, lower case; "" when nothing was recognised. */
  text: string;
  /** Which decoder it came from: the bot's phrase grammar, or the open language model. */
  source: "grammar" | "open" | "none";
  grammar: string;
  open: string;
  /** Acoustic log-score per frame by which the grammar's path trails the open model's (≥ 0 roughly). */
  gap: number;
}

/** One caller's streaming recogniser: one long-lived process, any number of utterances. */
export interface Recogniser {
  /** Resolves when the models are loaded; audio written before then is queued, not lost. */
  readonly ready: Promise<void>;
  /** Feed 16 kHz mono PCM as it arrives; the first write after a final starts a new utterance. */
  write(pcm16k: Int16Array): void;
  /** Ends the utterance; resolves with (and emits) its final result. */
  endUtterance(): Promise<RecognitionFinal>;
  /** Drops the utterance in progress without a result (e.g. the turn was cancelled). */
  abort(): void;
  /** Interim words of the utterance in progress; they may change until the final. */
  on(event: "partial", listener: (text: string) => void): () => void;
  on(event: "final", listener: (result: RecognitionFinal) => void): () => void;
  /** The process failed or exited; pending finals resolve empty. */
  on(event: "error", listener: (err: Error) => void): () => void;
  /** Stops the process. */
  close(): void;
  /** The recogniser process's id (CPU accounting in the bench). */
  readonly pid: number | undefined;
}

export interface RecogniserOptions {
  /**
   * How far (acoustic log-score per frame) the grammar's best path may trail the open model's
   * and still win. Measured on espeak prompts: in-grammar phrases trail by little, others by a lot.
   */
  maxGap?: number;
}

const DEFAULT_MAX_GAP = 3.5;

/**
 * Picks between the two decoders. The grammar always produces one of its phrases, so its words
 * only count when its acoustic fit is close to that of the unconstrained model.
 */
export function chooseHypothesis(line: string, maxGap = DEFAULT_MAX_GAP): RecognitionFinal {
  const [, grammar = "", gAscr = "0", gFrames = "0", open = "", lAscr = "0", lFrames = "0"] = line.split("\t");
  const frames = Math.max(Number(gFrames), Number(lFrames), 1);
  const gap = (Number(lAscr) - Number(gAscr)) / frames;
  const g = grammar.trim();
  const o = open.trim();
  if (g && (!o || gap <= maxGap)) return { text: g, source: "grammar", grammar: g, open: o, gap };
  if (o) return { text: o, source: "open", grammar: g, open: o, gap };
  return { text: "", source: "none", grammar: g, open: o, gap };
}

type Listeners = { partial: Set<(t: string) => void>; final: Set<(r: RecognitionFinal) => void>; error: Set<(e: Error) => void> };

function frame(type: "A" | "E" | "X", payload?: Int16Array): Buffer {
  const len = payload ? payload.byteLength : 0;
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeUInt32LE(len, 1);
  if (!payload || len === 0) return head;
  return Buffer.concat([head, Buffer.from(payload.buffer, payload.byteOffset, len)]);
}

/**
 * Starts a recogniser process. Throws when {@link recogniserAvailable} says it cannot run;
 * callers check that first and keep their non-recognising behaviour otherwise.
 */
export function createRecogniser(opts: RecogniserOptions = {}): Recogniser {
  const avail = recogniserAvailable();
  if (!avail.ok) throw new Error(`speech recognition unavailable: ${avail.why}`);
  const f = avail.files;
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(f.binary, [f.hmm, f.grammarDict, f.grammar, f.dict, f.lm], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const listeners: Listeners = { partial: new Set(), final: new Set(), error: new Set() };
  const pending: ((r: RecognitionFinal) => void)[] = [];
  // Aborts sent but not yet acknowledged: partials until the ack belong to a dropped utterance.
  let unackedAborts = 0;
  let closed = false;
  let stderr = "";
  let markReady: () => void = () => {};
  let failReady: (e: Error) => void = () => {};
  const ready = new Promise<void>((res, rej) => {
    markReady = res;
    failReady = rej;
  });
  ready.catch(() => {});

  const fail = (err: Error) => {
    failReady(err);
    for (const resolve of pending.splice(0)) resolve(chooseHypothesis(""));
    if (!closed) for (const l of listeners.error) l(err);
  };
  child.on("error", fail);
  child.on("exit", (code, signal) => {
    if (!closed) fail(new Error(`recogniser exited (${signal ?? code})${stderr ? `: ${stderr.trim()}` : ""}`));
    closed = true;
  });
  child.stdin.on("error", () => {}); // an exit is reported once, above
  child.stderr.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });

  let buf = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line === "R") markReady();
      else if (line === "X") unackedAborts = Math.max(0, unackedAborts - 1);
      else if (line.startsWith("P\t")) {
        if (unackedAborts === 0) for (const l of listeners.partial) l(line.slice(2));
      } else if (line.startsWith("F\t")) {
        const result = chooseHypothesis(line.slice(1), opts.maxGap);
        pending.shift()?.(result);
        for (const l of listeners.final) l(result);
      }
    }
  });

  const send = (b: Buffer) => {
    if (!closed && child.stdin.writable) child.stdin.write(b);
  };

  return {
    ready,
    get pid() {
      return child.pid;
    },
    write(pcm) {
      if (pcm.length === 0) return;
      send(frame("A", pcm));
    },
    endUtterance() {
      if (closed) return Promise.resolve(chooseHypothesis(""));
      return new Promise((resolve) => {
        pending.push(resolve);
        send(frame("E"));
      });
    },
    abort() {
      if (closed) return;
      unackedAborts++;
      send(frame("X"));
    },
    on(event: keyof Listeners, listener: never) {
      const set = listeners[event] as Set<unknown>;
      set.add(listener);
      return () => set.delete(listener);
    },
    close() {
      if (closed) return;
      closed = true;
      for (const resolve of pending.splice(0)) resolve(chooseHypothesis(""));
      child.stdin.end();
      // EOF makes it exit; the kill is for a process stuck in a long decode.
      setTimeout(() => child.kill(), 2000).unref();
    },
  } as Recogniser;
}
