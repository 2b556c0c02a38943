import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the recogniser's pieces are on this machine, once it has been found usable. */
export interface RecogniserFiles {
  binary: string;
  hmm: string;
  grammar: string;
  grammarDict: string;
  dict: string;
  lm: string;
}

export type Availability = { ok: true; files: RecogniserFiles } | { ok: false; why: string };

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SOURCE = here("./native/ps-stream.c");
const GRAMMAR = here("./grammar/demo.gram");

// Debian's pocketsphinx-en-us first; RTVI_SPHINX_MODEL points elsewhere (e.g. a Homebrew prefix).
// Read when the model is looked for, not at import: .env is loaded after this module.
const modelDirs = (): (string | undefined)[] => [process.env.RTVI_SPHINX_MODEL, "/usr/share/pocketsphinx/model/en-us", "/usr/local/share/pocketsphinx/model/en-us", "/opt/homebrew/share/pocketsphinx/model/en-us"];

/** The words a JSGF grammar can produce (rule names, comments and keywords left out). */
export function grammarWords(jsgf: string): Set<string> {
  const body = jsgf
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\/\/.*$/gm, " ")
    .replace(/^\s*#JSGF[^;]*;/m, " ")
    .replace(/^\s*grammar\s+[^;]*;/m, " ")
    .replace(/\bpublic\b/g, " ")
    .replace(/<[^>]*>/g, " ");
  return new Set(body.toLowerCase().match(/[a-z']+/g) ?? []);
}

/** The dictionary lines for `words` (pronunciation variants "word(2)" included). */
export function filterDict(dict: string, words: Set<string>): string {
  return dict
    .split("\n")
    .filter((line) => {
      const head = line.split(/\s/, 1)[0] ?? "";
      return words.has(head.replace(/\(\d+\)$/, ""));
    })
    .join("\n");
}

function findModel(): { hmm: string; dict: string; lm: string } | string {
  for (const dir of modelDirs()) {
    if (!dir) continue;
    const files = { hmm: join(dir, "en-us"), dict: join(dir, "cmudict-en-us.dict"), lm: join(dir, "en-us.lm.bin") };
    if (existsSync(join(files.hmm, "mdef")) && existsSync(files.dict) && existsSync(files.lm)) return files;
  }
  return "no pocketsphinx US English model (Debian: apt-get install pocketsphinx-en-us)";
}

// Built once per source and grammar version; the rename makes concurrent first starts safe.
function build(dir: string): string | null {
  const binary = join(dir, "ps-stream");
  if (existsSync(binary)) return null;
  let flags: string[];
  try {
    flags = execFileSync("pkg-config", ["--cflags", "--libs", "pocketsphinx", "sphinxbase"], { encoding: "utf8" }).trim().split(/\s+/);
  } catch {
    return "libpocketsphinx headers not found (Debian: apt-get install libpocketsphinx-dev libsphinxbase-dev pkg-config)";
  }
  const partial = `${binary}.${process.pid}.tmp`;
  try {
    execFileSync("cc", ["-O2", "-o", partial, SOURCE, ...flags], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim().split("\n")[0];
    return `could not compile the recogniser (${stderr || "no C compiler"})`;
  }
  renameSync(partial, binary);
  return null;
}

let cached: Availability | undefined;

/**
 * Whether offline speech recognition can run here: the model, the headers and a C compiler.
 * The first call compiles the small streaming front (about a second); later calls are free.
 */
export function recogniserAvailable(): Availability {
  if (cached) return cached;
  const model = findModel();
  if (typeof model === "string") return (cached = { ok: false, why: model });
  const grammarSrc = readFileSync(GRAMMAR, "utf8");
  const hash = createHash("sha256").update(readFileSync(SOURCE)).update(grammarSrc).update(model.hmm).digest("hex").slice(0, 12);
  const dir = join(tmpdir(), `rtvi-speech-${hash}`);
  mkdirSync(dir, { recursive: true });
  const failed = build(dir);
  if (failed) return (cached = { ok: false, why: failed });
  // The grammar decoder loads only its own words: a fraction of the memory and start-up time.
  const grammarDict = join(dir, "grammar.dict");
  if (!existsSync(grammarDict)) {
    const tmp = `${grammarDict}.${process.pid}.tmp`;
    writeFileSync(tmp, filterDict(readFileSync(model.dict, "utf8"), grammarWords(grammarSrc)));
    renameSync(tmp, grammarDict);
  }
  return (cached = { ok: true, files: { binary: join(dir, "ps-stream"), hmm: model.hmm, grammar: GRAMMAR, grammarDict, dict: model.dict, lm: model.lm } });
}
