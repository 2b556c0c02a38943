import { expect, userEvent, waitFor, within } from "storybook/test";
import { waitReady } from "./play";
import { sessionOf } from "./session";

type PlayContext = { canvasElement: HTMLElement; loaded: Record<string, unknown> };

/**
 * The camera and screen-share toggles' shared contract: released at first, pressed with its
 * local track live after a click, released with that same track ended after another.
 */
export async function playToggleEndsTrack({ canvasElement, loaded }: PlayContext, name: string, source: "video" | "screenVideo"): Promise<void> {
  const { transport } = sessionOf({ loaded });
  await waitReady(transport);
  const button = within(canvasElement).getByRole("button", { name });
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await userEvent.click(button);
  await waitFor(() => expect(button).toHaveAttribute("data-state", "on"));
  await expect(button).toHaveAttribute("aria-pressed", "true");
  const track = transport.tracks().local[source]!;
  await expect(track.readyState).toBe("live");
  await userEvent.click(button);
  await waitFor(() => expect(button).toHaveAttribute("aria-pressed", "false"));
  await expect(track.readyState).toBe("ended");
}

/** A toggle that cannot do its job says why: clicking it leaves the reason as its description. */
export async function playToggleSaysWhy({ canvasElement, loaded }: PlayContext, name: string, why: string | RegExp): Promise<void> {
  await waitReady(sessionOf({ loaded }).transport);
  const button = within(canvasElement).getByRole("button", { name });
  await userEvent.click(button);
  await waitFor(() => expect(button).toHaveAccessibleDescription(why));
}
