import { Slot } from "./Slot";
import { forwardRef, type FormHTMLAttributes, type ReactElement, type ReactNode } from "react";
import { composeHandlers, cx, slotChild } from "./dom";
import { useTextInput, type UseTextInputOptions } from "./useTextInput";

/** Props of {@link TextInput}: the options of `useTextInput` plus any `<form>` prop. */
export interface TextInputProps extends UseTextInputOptions, FormHTMLAttributes<HTMLFormElement> {
  /** @deprecated Use `labels.message`. The field's visible label (a node wins over `labels.message`). */
  label?: ReactNode;
  /** The field's placeholder (wins over `labels.placeholder`). */
  placeholder?: string;
  /** @deprecated Use `labels.send`. The send button's content. */
  sendLabel?: ReactNode;
  /** @deprecated Use `interrupt`. */
  interruptBot?: boolean;
  /**
   * An element to render as the send button (the `asChild` pattern, via Radix `Slot`): it
   * gets `type="submit"`, `disabled`, `aria-busy` and the send label when it has no children.
   */
  sendButton?: ReactElement;
}

/**
 * Sends typed messages to the bot: a labelled textarea (Enter sends, Shift+Enter adds a
 * line), a send button, enabled only while connected; the message joins the transcript at
 * once, the field clears on success and a failure is shown beside it. The ref reaches the
 * `<form>`; other props go to it too.
 */
export const TextInput = /* @__PURE__ */ forwardRef<HTMLFormElement, TextInputProps>(function TextInput(props, ref) {
  const { label, placeholder, sendLabel, interrupt, interruptBot, disabled, onSend, labels: given, sendButton, className, onSubmit, ...rest } = props;
  const input = useTextInput({ interrupt: interrupt ?? interruptBot, disabled, onSend, labels: { ...given, placeholder: placeholder ?? given?.placeholder } });
  const { labels, error } = input;
  const sendContent = sendLabel ?? labels.send;
  return (
    <form {...rest} {...input.formProps} ref={ref} className={cx("rtvi-text-input", className)} onSubmit={composeHandlers(onSubmit, input.formProps.onSubmit)}>
      <label {...input.labelProps}>{label ?? labels.message}</label>
      <textarea {...input.fieldProps} />
      {sendButton ? <Slot {...input.sendButtonProps}>{slotChild(sendButton, sendContent)}</Slot> : <button {...input.sendButtonProps}>{sendContent}</button>}
      {error !== null && <span {...input.errorProps}>{error}</span>}
    </form>
  );
});
