import { useCallback, useEffect, useRef, useState, type PointerEvent, type RefObject } from "react";

/** Options of {@link usePushToTalk}. */
export interface UsePushToTalkOptions {
  readonly enabled: boolean;
  /** The held key, as `KeyboardEvent.code`. Default "Space". */
  readonly key?: string;
  /** Called with true when the first hold starts and false when the last one ends. */
  readonly onTalkingChange: (talking: boolean) => void;
}

/** Result of {@link usePushToTalk}: whether a hold is on, and pointer handlers for the button. */
export interface UsePushToTalkResult {
  readonly talking: boolean;
  readonly pointerHandlers: {
    readonly onPointerDown: (e: PointerEvent<HTMLElement>) => void;
    readonly onPointerUp: () => void;
    readonly onPointerLeave: () => void;
    readonly onPointerCancel: () => void;
  };
}

// Space in these types text or activates them: never hijack it there.
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="slider"], [role="textbox"]';

function isTypingTarget(target: EventTarget | null, own: Element | null): boolean {
  if (!(target instanceof Element) || target === own) return false;
  return target.closest(TYPING) !== null || (target as HTMLElement).isContentEditable === true;
}

/**
 * Push-to-talk: the mic is on only while the key is held (anywhere on the page except while
 * typing) or the pointer holds the button. Key and pointer holds are counted separately, so
 * releasing one while the other holds keeps talking; losing window focus releases all.
 */
export function usePushToTalk(ownRef: RefObject<Element | null>, options: UsePushToTalkOptions): UsePushToTalkResult {
  const { enabled, key = "Space", onTalkingChange } = options;
  const [talking, setTalking] = useState(false);
  const holds = useRef(new Set<"key" | "pointer">());
  const notify = useRef(onTalkingChange);
  useEffect(() => {
    notify.current = onTalkingChange;
  });

  const press = useCallback((source: "key" | "pointer") => {
    const was = holds.current.size > 0;
    holds.current.add(source);
    if (!was) {
      setTalking(true);
      notify.current(true);
    }
  }, []);
  const release = useCallback((source?: "key" | "pointer") => {
    if (holds.current.size === 0) return;
    if (source) holds.current.delete(source);
    else holds.current.clear();
    if (holds.current.size === 0) {
      setTalking(false);
      notify.current(false);
    }
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const matches = (e: KeyboardEvent): boolean => e.code === key || (key === "Space" && e.key === " " && !e.code);
    const down = (e: KeyboardEvent): void => {
      if (!matches(e) || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target, ownRef.current)) return;
      e.preventDefault(); // no page scroll, no click on our own focused button
      if (!e.repeat) press("key");
    };
    const up = (e: KeyboardEvent): void => {
      if (matches(e)) release("key");
    };
    const blur = (): void => release();
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    window.addEventListener("blur", blur);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
      window.removeEventListener("blur", blur);
      release();
    };
  }, [enabled, key, ownRef, press, release]);

  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      if (!enabled || e.button !== 0) return;
      // Keep receiving pointerup even if the finger slides off the button.
      e.currentTarget.setPointerCapture?.(e.pointerId);
      press("pointer");
    },
    [enabled, press],
  );
  const end = useCallback(() => release("pointer"), [release]);
  return { talking, pointerHandlers: { onPointerDown, onPointerUp: end, onPointerLeave: end, onPointerCancel: end } };
}
