import { Slot } from "./Slot";
import { forwardRef, type ButtonHTMLAttributes } from "react";
import { composeHandlers, cx, slotChild } from "./dom";
import type { ExportTranscriptLabels } from "./exportTranscript";
import { useTranscriptExport, type UseTranscriptExportOptions } from "./useTranscriptExport";

/** The strings of {@link TranscriptExportButton}: the button's text plus the words written into the file. */
export interface TranscriptExportLabels extends ExportTranscriptLabels {
  /** The button's text. Default "Download transcript". */
  download?: string;
}

/** Props of {@link TranscriptExportButton}: the options of `useTranscriptExport`; other `<button>` props pass through. */
export interface TranscriptExportButtonProps extends Omit<UseTranscriptExportOptions, "labels">, Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> {
  labels?: TranscriptExportLabels;
  /** Render the child element as the button (Radix `Slot`); its handlers run first and may `preventDefault()` to skip the download. */
  asChild?: boolean;
}

/** Downloads the conversation as a file (Blob + object URL, revoked right after). The ref reaches the button. */
export const TranscriptExportButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, TranscriptExportButtonProps>(function TranscriptExportButton(props, ref) {
  const { format, filename, turns, labels, userLabel, botLabel, asChild = false, className, onClick, children, disabled, ...rest } = props;
  const { buttonProps } = useTranscriptExport({ format, filename, turns, labels, userLabel, botLabel });
  const label = labels?.download ?? "Download transcript";
  const Comp = (asChild ? Slot : "button") as "button";
  return (
    <Comp {...rest} {...buttonProps} ref={ref} className={cx("rtvi-export-button", className)} disabled={disabled ?? buttonProps.disabled} onClick={composeHandlers(onClick, buttonProps.onClick)}>
      {asChild ? slotChild(children, label) : (children ?? label)}
    </Comp>
  );
});
