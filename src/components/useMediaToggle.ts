import { useCallback, useId, type MouseEvent } from "react";
import { ignore } from "./dom";

/** What a camera or screen-share toggle shows. */
export type MediaToggleState = "off" | "starting" | "on" | "error" | "unsupported";

/** The props both toggles put on their `<button>` (or the `asChild` element). */
export interface MediaToggleButtonProps {
  readonly type: "button";
  readonly disabled: boolean;
  readonly "aria-pressed": boolean;
  readonly "aria-busy": boolean | undefined;
  readonly "aria-describedby": string | undefined;
  readonly "data-state": MediaToggleState;
  readonly "data-disabled": "" | undefined;
  readonly onClick: (event: MouseEvent<HTMLButtonElement>) => void;
}

/**
 * Shared by useCameraToggle and useScreenShareToggle: a pressed-state button over an async toggle.
 * Each hook derives its own state and problem; `attribute` is its `data-rtvi-*` marker.
 */
export function useMediaToggle<A extends string>(on: boolean, state: MediaToggleState, problem: string | null, label: string, toggle: () => Promise<void>, attribute: A) {
  const problemId = useId();
  const unsupported = state === "unsupported";
  const activate = useCallback(() => {
    if (!unsupported) void toggle().catch(ignore);
  }, [toggle, unsupported]);
  const buttonProps = {
    type: "button",
    disabled: unsupported,
    "aria-pressed": on,
    "aria-busy": state === "starting" || undefined,
    "aria-describedby": problem !== null ? problemId : undefined,
    "data-state": state,
    "data-disabled": unsupported ? "" : undefined,
    onClick: activate,
    [attribute]: "",
  } as MediaToggleButtonProps & { readonly [K in A]: "" };
  return { state, on, label, problem, problemId, activate, buttonProps };
}
