import { cloneElement, isValidElement, useCallback, type CSSProperties, type ReactNode, type Ref, type RefCallback, type SyntheticEvent } from "react";

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

type PossibleRef<T> = Ref<T> | undefined;

function setRef<T>(ref: PossibleRef<T>, value: T | null): void | (() => void) {
  if (typeof ref === "function") return ref(value);
  if (ref) (ref as { current: T | null }).current = value;
}

/**
 * One callback ref that feeds every given ref: a user's ref joins the kit's own instead of
 * replacing it. React 19 cleanup functions returned by callback refs are honoured; without
 * any, React calls the merged ref with null on detach (React 18 and 19 alike).
 */
export function mergeRefs<T>(...refs: Array<PossibleRef<T>>): RefCallback<T> {
  return (node) => {
    const cleanups = refs.map((ref) => setRef(ref, node));
    if (!cleanups.some((c) => typeof c === "function")) return;
    return () => {
      refs.forEach((ref, i) => {
        const cleanup = cleanups[i];
        if (typeof cleanup === "function") cleanup();
        else setRef(ref, null);
      });
    };
  };
}

/** {@link mergeRefs}, stable while the refs are: no detach/attach on every render. */
export function useMergedRef<T>(...refs: Array<PossibleRef<T>>): RefCallback<T> {
  // The refs themselves are the dependencies; their number is fixed per call site.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback(mergeRefs(...refs), refs);
}

/**
 * What an `asChild` slot renders: the user's element, given the kit's label as content when
 * it has none of its own (so `<ConnectButton asChild><button className="x" /></ConnectButton>`
 * keeps the live label).
 */
export function slotChild(child: ReactNode, fallback: ReactNode): ReactNode {
  if (isValidElement<{ children?: ReactNode }>(child) && child.props.children === undefined) return cloneElement(child, undefined, fallback);
  return child;
}

/** A partial `labels` prop over its defaults; a key set to undefined keeps the default. */
export function withDefaults<T extends object>(defaults: T, given: { readonly [K in keyof T]?: T[K] | undefined } | undefined): T {
  const out = { ...defaults };
  if (given) for (const key of Object.keys(given) as Array<keyof T>) if (given[key] !== undefined) out[key] = given[key] as T[keyof T];
  return out;
}
