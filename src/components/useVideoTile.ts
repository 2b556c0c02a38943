import { useCallback, useEffect, useRef, useState, type RefCallback } from "react";
import { useCamera } from "../hooks/useCamera";
import { useSessionState } from "../hooks/useSessionState";
import { withDefaults } from "./dom";

/** Whose video a tile shows. */
export type VideoTileSource = "camera" | "screen" | "bot";

/** What a tile shows: nothing, a track that has no picture yet, a picture, or a failure. */
export type VideoTileState = "off" | "starting" | "live" | "error";

/** The strings of a video tile; each falls back to English. */
export interface VideoTileLabels {
  /** The tile's accessible name. Default "Your camera" / "Your screen" / "Bot video". */
  name?: string;
  /** The placeholder while there is no video. Default "Camera off" / "Not sharing" / "No video". */
  off?: string;
  /** The placeholder while the picture is starting. Default "Starting…". */
  starting?: string;
}

/** Options of {@link useVideoTile}. */
export interface UseVideoTileOptions {
  /** Default "camera". */
  source?: VideoTileSource;
  /** Show this track instead of the source's (a track of your own). */
  track?: MediaStreamTrack | null;
  /** Mirror the picture, as people expect of a self view. Default true for the camera only. */
  mirror?: boolean;
  labels?: VideoTileLabels;
}

/** Result of {@link useVideoTile}. */
export interface UseVideoTileResult {
  readonly state: VideoTileState;
  readonly track: MediaStreamTrack | null;
  readonly mirror: boolean;
  /** The accessible name of the tile. */
  readonly name: string;
  /** The placeholder text for the current state, or null when the picture shows. */
  readonly placeholder: string | null;
  /** The camera's problem, for a camera tile in the error state. */
  readonly problem: string | null;
  /** Give this to your `<video>`: it plays the track and lets go of it on unmount. */
  readonly videoRef: RefCallback<HTMLVideoElement>;
}

const NAMES: Record<VideoTileSource, { name: string; off: string }> = {
  camera: { name: "Your camera", off: "Camera off" },
  screen: { name: "Your screen", off: "Not sharing" },
  bot: { name: "Bot video", off: "No video" },
};

/**
 * Headless video tile: the track of a source, its state (`live` once the first frame has
 * been shown), and a ref that attaches it to a `<video>`. The element's `srcObject` is
 * cleared when the track goes or the element unmounts, so no stream outlives the tile; the
 * track itself belongs to the transport and is never stopped here.
 */
export function useVideoTile(options: UseVideoTileOptions = {}): UseVideoTileResult {
  const source = options.source ?? "camera";
  const camera = useCamera();
  const screen = useSessionState((s) => s.screenTrack, "useVideoTile");
  const bot = useSessionState((s) => s.botVideoTrack, "useVideoTile");
  const own = source === "camera" ? camera.track : source === "screen" ? screen : bot;
  const track = options.track !== undefined ? options.track : own;
  const labels = withDefaults({ ...NAMES[source], starting: "Starting…" }, options.labels);
  const [element, setElement] = useState<HTMLVideoElement | null>(null);
  const [shown, setShown] = useState<MediaStreamTrack | null>(null);
  const videoRef = useCallback<RefCallback<HTMLVideoElement>>((node) => setElement(node), []);
  const attached = useRef<MediaStreamTrack | null>(null);

  useEffect(() => {
    if (!element) return;
    if (!track) {
      element.srcObject = null;
      attached.current = null;
      return;
    }
    if (attached.current !== track && typeof MediaStream === "function") {
      element.srcObject = new MediaStream([track]);
      attached.current = track;
    }
    const onFrame = (): void => setShown(track);
    element.addEventListener("loadeddata", onFrame);
    if (element.readyState >= 2) onFrame();
    // A muted autoplay can still be refused (a background tab): the tile stays "starting".
    void element.play?.()?.catch?.(() => undefined);
    return () => {
      element.removeEventListener("loadeddata", onFrame);
      element.srcObject = null;
      attached.current = null;
    };
  }, [element, track]);

  const ended = track !== null && track.readyState === "ended";
  const state: VideoTileState =
    source === "camera" && options.track === undefined && camera.state === "error"
      ? "error"
      : track && !ended
        ? shown === track
          ? "live"
          : "starting"
        : source === "camera" && options.track === undefined && camera.state === "starting"
          ? "starting"
          : "off";
  const placeholder = state === "live" ? null : state === "starting" ? labels.starting : state === "error" ? (camera.problem ?? labels.off) : labels.off;
  return {
    state,
    track: ended ? null : track,
    mirror: options.mirror ?? source === "camera",
    name: labels.name,
    placeholder,
    problem: source === "camera" ? camera.problem : null,
    videoRef,
  };
}
