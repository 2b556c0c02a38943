import type { ButtonHTMLAttributes, ReactNode } from "react";
import { useConversation } from "../hooks/useConversation";
import type { Turn } from "../store/transcript/types";
import { composeHandlers, cx } from "./dom";
import { exportTranscript, type ExportTranscriptOptions, type TranscriptFormat } from "./exportTranscript";

/** Props of {@link TranscriptExportButton}; other `<button>` props pass through. */
export interface TranscriptExportButtonProps extends ExportTranscriptOptions, Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> {
  /** Default "markdown". */
  format?: TranscriptFormat;
  /** The downloaded file's name. Default `transcript.md` / `.json` / `.vtt`. */
  filename?: string;
  /** Turns to export instead of the provider's conversation. */
  turns?: readonly Turn[];
}

const FILE: Record<TranscriptFormat, { ext: string; mime: string }> = {
  json: { ext: "json", mime: "application/json" },
  markdown: { ext: "md", mime: "text/markdown" },
  webvtt: { ext: "vtt", mime: "text/vtt" },
};

/** Downloads the conversation as a file (Blob + object URL, revoked right after). */
export function TranscriptExportButton(props: TranscriptExportButtonProps): ReactNode {
  const { format = "markdown", filename, turns: given, userLabel, botLabel, className, onClick, children, ...rest } = props;
  const { turns: conversation } = useConversation();
  const turns = given ?? conversation;

  const download = (): void => {
    const { ext, mime } = FILE[format];
    const blob = new Blob([exportTranscript(turns, format, { userLabel, botLabel })], { type: `${mime};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename ?? `transcript.${ext}`;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    // Some browsers start the download after the click handler returns: revoke on the next task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  return (
    <button
      type="button"
      {...rest}
      className={cx("rtvi-export-button", className)}
      data-rtvi-export-button=""
      data-format={format}
      disabled={rest.disabled ?? turns.length === 0}
      data-disabled={turns.length === 0 ? "" : undefined}
      onClick={composeHandlers(onClick, download)}
    >
      {children ?? "Download transcript"}
    </button>
  );
}
