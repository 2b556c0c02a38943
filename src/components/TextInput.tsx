import { useId, useRef, useState, type CSSProperties, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import { useSendText } from "../hooks/useSendText";
import { useTransportState } from "../hooks/useTransportState";
import { cx, flag } from "./dom";

/** Props of {@link TextInput}. */
export interface TextInputProps {
  /** The textarea's visible label. Default "Message". */
  label?: ReactNode;
  placeholder?: string;
  /** The send button's text. Default "Send". */
  sendLabel?: ReactNode;
  /** Cut off the bot if it is speaking when the message is sent. Default true. */
  interruptBot?: boolean;
  /** Disable even while connected. */
  disabled?: boolean;
  /** Called after a message was sent. */
  onSend?: (text: string) => void;
  className?: string;
  style?: CSSProperties;
}

/**
 * Sends typed messages to the bot: a labelled textarea (Enter sends, Shift+Enter adds a
 * line), a send button, enabled only while connected; the message joins the transcript at
 * once, the field clears on success and a failure is shown beside it.
 */
export function TextInput(props: TextInputProps): ReactNode {
  const { label = "Message", placeholder, sendLabel = "Send", interruptBot = true, disabled, onSend, className, style } = props;
  const sendText = useSendText();
  const ready = useTransportState() === "ready";
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const off = disabled === true || !ready;
  const empty = text.trim() === "";

  const send = async (): Promise<void> => {
    const message = text.trim();
    if (!message || off || sending) return;
    setSending(true);
    setError(null);
    try {
      await sendText(message, { interrupt: interruptBot });
      setText("");
      onSend?.(message);
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : "The message could not be sent.");
    } finally {
      setSending(false);
      fieldRef.current?.focus();
    }
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void send();
  };

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    // Enter while an IME is composing confirms the composition, not the message.
    if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing) return;
    e.preventDefault();
    void send();
  };

  return (
    <form className={cx("rtvi-text-input", className)} style={style} onSubmit={submit} data-rtvi-text-input="" data-disabled={flag(off)} data-busy={flag(sending)}>
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={fieldRef}
        id={id}
        rows={1}
        value={text}
        placeholder={placeholder}
        disabled={off}
        aria-invalid={error !== null || undefined}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={keyDown}
      />
      <button type="submit" disabled={off || empty || sending} aria-busy={sending || undefined}>
        {sendLabel}
      </button>
      {error !== null && (
        <span id={`${id}-error`} role="alert" data-slot="error">
          {error}
        </span>
      )}
    </form>
  );
}
