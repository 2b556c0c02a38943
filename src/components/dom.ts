import type { CSSProperties, SyntheticEvent } from "react";

/**
 * Runs the user's handler first, then ours unless the user called `preventDefault()`:
 * the same contract as Radix's composed handlers, so users can veto the default action.
 */
export function composeHandlers<E extends SyntheticEvent>(
  user: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    user?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}

/** A presence attribute: `data-disabled=""` when true, absent when false. */
export const flag = (on: boolean | undefined): "" | undefined => (on ? "" : undefined);

/** Joins class names, skipping empty ones. */
export const cx = (...names: Array<string | false | null | undefined>): string => names.filter(Boolean).join(" ");

/**
 * Hides text visually but keeps it for screen readers. Inline, so components stay
 * accessible without the optional stylesheet.
 */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};

/** Swallows a rejection that the store has already recorded (every kit action does). */
export const ignore = (): void => undefined;

/** Whether the user prefers reduced motion (false where matchMedia is missing, e.g. jsdom). */
export function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}
