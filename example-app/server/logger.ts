/** One logger for the whole server; every line passes through redaction before it is written. */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogSink = (level: LogLevel, line: string) => void;

export interface Logger {
  debug(msg: string, extra?: unknown): void;
  info(msg: string, extra?: unknown): void;
  warn(msg: string, extra?: unknown): void;
  error(msg: string, extra?: unknown): void;
  /** Register a value that must never appear in output (API keys). */
  addSecret(secret: string): void;
  child(prefix: string): Logger;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const defaultSink: LogSink = (level, line) => {
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
};

function stringify(extra: unknown): string {
  if (extra === undefined) return "";
  if (extra instanceof Error) return ` ${extra.name}: ${extra.message}`;
  try {
    return " " + (typeof extra === "string" ? extra : JSON.stringify(extra));
  } catch {
    return " [unserialisable]";
  }
}

export function createLogger(opts: { level?: LogLevel; sink?: LogSink; secrets?: string[] } = {}): Logger {
  const secrets = new Set((opts.secrets ?? []).filter((s) => s.length > 0));
  const min = ORDER[opts.level ?? ((process.env.LOG_LEVEL as LogLevel | undefined) ?? "info")] ?? ORDER.info;
  const sink = opts.sink ?? defaultSink;

  // Keys also travel URL-encoded (in the Gemini URL), so redact that spelling too.
  const redact = (s: string): string => {
    let out = s;
    for (const secret of secrets) {
      for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join("[REDACTED]");
    }
    return out.replace(/([?&]key=)[^&\s"']+/gi, "$1[REDACTED]");
  };

  const make = (prefix: string): Logger => {
    const write = (level: LogLevel, msg: string, extra?: unknown): void => {
      if (ORDER[level] < min) return;
      sink(level, redact(`${new Date().toISOString()} ${level.toUpperCase()} ${prefix}${msg}${stringify(extra)}`));
    };
    return {
      debug: (m, e) => write("debug", m, e),
      info: (m, e) => write("info", m, e),
      warn: (m, e) => write("warn", m, e),
      error: (m, e) => write("error", m, e),
      addSecret: (s) => {
        if (s) secrets.add(s);
      },
      child: (p) => make(`${prefix}[${p}] `),
    };
  };
  return make("");
}
