import { useCallback, type MouseEvent } from "react";
import { useConversation } from "../hooks/useConversation";
import type { Turn } from "../store/transcript/types";
import { flag } from "./dom";
import { exportTranscript, type ExportTranscriptOptions, type TranscriptFormat } from "./exportTranscript";

/** Options of {@link useTranscriptExport}. */
export interface UseTranscriptExportOptions extends ExportTranscriptOptions {
  /** Default "markdown". */
  format?: TranscriptFormat;
  /** The downloaded file's name. Default `transcript.md` / `.json` / `.vtt`. */
  filename?: string;
  /** Turns to export instead of the provider's conversation. */
  turns?: readonly Turn[];
}

/** Result of {@link useTranscriptExport}. */
export interface UseTranscriptExportResult {
  readonly turns: readonly Turn[];
  /** Nothing to export yet. */
  readonly empty: boolean;
  readonly format: TranscriptFormat;
  readonly filename: string;
  /** The file's text, as {@link exportTranscript} writes it. */
  getText(): string;
  /** Downloads the file (Blob + object URL, revoked right after). */
  download(): void;
  readonly buttonProps: {
    readonly type: "button";
    readonly disabled: boolean;
    readonly "data-disabled": "" | undefined;
    readonly "data-format": TranscriptFormat;
    readonly "data-rtvi-export-button": "";
    readonly onClick: (event: MouseEvent<HTMLElement>) => void;
  };
}

const FILE: Record<TranscriptFormat, { ext: string; mime: string }> = {
  json: { ext: "json", mime: "application/json" },
  markdown: { ext: "md", mime: "text/markdown" },
  webvtt: { ext: "vtt", mime: "text/vtt" },
};

/** Headless transcript download: the conversation (or given turns) as a JSON, Markdown or WebVTT file. */
export function useTranscriptExport(options: UseTranscriptExportOptions = {}): UseTranscriptExportResult {
  const { format = "markdown", filename: name, turns: given, labels, userLabel, botLabel } = options;
  const { turns: conversation } = useConversation();
  const turns = given ?? conversation;
  const { ext, mime } = FILE[format];
  const filename = name ?? `transcript.${ext}`;

  const getText = useCallback(() => exportTranscript(turns, format, { labels, userLabel, botLabel }), [turns, format, labels, userLabel, botLabel]);

  const download = useCallback(() => {
    const blob = new Blob([getText()], { type: `${mime};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Some browsers start the download after the click handler returns: revoke on the next task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }, [getText, mime, filename]);

  const empty = turns.length === 0;
  return {
    turns,
    empty,
    format,
    filename,
    getText,
    download,
    buttonProps: { type: "button", disabled: empty, "data-disabled": flag(empty), "data-format": format, "data-rtvi-export-button": "", onClick: () => download() },
  };
}
