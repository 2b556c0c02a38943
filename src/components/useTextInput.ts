import { useCallback, useId, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent, type Ref, type RefObject } from "react";
import { useSendText } from "../hooks/useSendText";
import { useTransportState } from "../hooks/useTransportState";
import { flag, withDefaults } from "./dom";

/** Every string a text input shows; each is optional and falls back to English. */
export interface TextInputLabels {
  /** The field's visible label. Default "Message". */
  message?: string;
  /** The send button's text. Default "Send". */
  send?: string;
  /** Shown when sending failed without a reason. Default "The message could not be sent.". */
  sendFailed?: string;
  /** The field's placeholder. Default none. */
  placeholder?: string;
}

/** Options of {@link useTextInput}. */
export interface UseTextInputOptions {
  /** Cut off the bot if it is speaking when the message is sent. Default true. */
  interrupt?: boolean;
  /** Disable even while connected. */
  disabled?: boolean;
  /** Called after a message was sent. */
  onSend?: (text: string) => void;
  labels?: TextInputLabels;
}

/** Result of {@link useTextInput}: the draft, the send state, and props for a form, a field and a button. */
export interface UseTextInputResult {
  readonly text: string;
  setText(text: string): void;
  /** A send is in flight. */
  readonly sending: boolean;
  /** Why the last send failed, or null. */
  readonly error: string | null;
  /** Not connected, or disabled by the options: the field and button are off. */
  readonly disabled: boolean;
  /** There is a draft and nothing stops sending it. */
  readonly canSend: boolean;
  /** Sends the trimmed draft; clears it on success, records the error otherwise. Never rejects. */
  send(): Promise<void>;
  /** The labels with the defaults filled in. */
  readonly labels: Readonly<Required<Omit<TextInputLabels, "placeholder">>> & { readonly placeholder: string | undefined };
  /** The field, refocused after each send. */
  readonly fieldRef: RefObject<HTMLTextAreaElement | null>;
  readonly formProps: {
    readonly onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    readonly "data-rtvi-text-input": "";
    readonly "data-disabled": "" | undefined;
    readonly "data-busy": "" | undefined;
  };
  readonly labelProps: { readonly htmlFor: string };
  readonly fieldProps: {
    // `Ref`, not `RefObject<T | null>`: React 18's types accept only the former on a host element.
    readonly ref: Ref<HTMLTextAreaElement>;
    readonly id: string;
    readonly rows: number;
    readonly value: string;
    readonly placeholder: string | undefined;
    readonly disabled: boolean;
    readonly "aria-invalid": true | undefined;
    readonly "aria-describedby": string | undefined;
    readonly onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
    readonly onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  };
  readonly sendButtonProps: {
    readonly type: "submit";
    readonly disabled: boolean;
    readonly "aria-busy": true | undefined;
    readonly "data-busy": "" | undefined;
    readonly "data-rtvi-send-button": "";
  };
  /** Props for the element that shows `error`. */
  readonly errorProps: { readonly id: string; readonly role: "alert"; readonly "data-slot": "error" };
}

const DEFAULT_LABELS = { message: "Message", send: "Send", sendFailed: "The message could not be sent." };

/**
 * Headless text input: the draft, Enter-to-send (Shift+Enter adds a line, an IME
 * composition is left alone), sending only while connected, the field cleared on success
 * and the failure to show. Spread the prop groups on your own form, field and button.
 */
export function useTextInput(options: UseTextInputOptions = {}): UseTextInputResult {
  const { interrupt = true, disabled: off = false, onSend, labels: given } = options;
  const sendText = useSendText();
  const ready = useTransportState() === "ready";
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const errorId = `${id}-error`;
  const fieldRef = useRef<HTMLTextAreaElement | null>(null);
  const disabled = off || !ready;
  const canSend = !disabled && !sending && text.trim() !== "";
  const labels = { ...withDefaults(DEFAULT_LABELS, given), placeholder: given?.placeholder };
  const sendFailed = labels.sendFailed;

  const send = useCallback(async (): Promise<void> => {
    const message = text.trim();
    if (!message || disabled || sending) return;
    setSending(true);
    setError(null);
    try {
      await sendText(message, { interrupt });
      setText("");
      onSend?.(message);
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : sendFailed);
    } finally {
      setSending(false);
      fieldRef.current?.focus();
    }
  }, [text, disabled, sending, sendText, interrupt, onSend, sendFailed]);

  return {
    text,
    setText,
    sending,
    error,
    disabled,
    canSend,
    send,
    labels,
    fieldRef,
    formProps: {
      onSubmit: (e) => {
        e.preventDefault();
        void send();
      },
      "data-rtvi-text-input": "",
      "data-disabled": flag(disabled),
      "data-busy": flag(sending),
    },
    labelProps: { htmlFor: id },
    fieldProps: {
      ref: fieldRef,
      id,
      rows: 1,
      value: text,
      placeholder: labels.placeholder,
      disabled,
      "aria-invalid": error !== null || undefined,
      "aria-describedby": error !== null ? errorId : undefined,
      onChange: (e) => setText(e.target.value),
      onKeyDown: (e) => {
        // Enter while an IME is composing confirms the composition, not the message.
        if (e.key !== "Enter" || e.shiftKey || e.nativeEvent.isComposing) return;
        e.preventDefault();
        void send();
      },
    },
    sendButtonProps: { type: "submit", disabled: !canSend, "aria-busy": sending || undefined, "data-busy": flag(sending), "data-rtvi-send-button": "" },
    errorProps: { id: errorId, role: "alert", "data-slot": "error" },
  };
}
