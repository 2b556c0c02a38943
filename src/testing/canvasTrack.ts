/** Options of {@link canvasVideoTrack}. */
export interface CanvasTrackOptions {
  width?: number;
  height?: number;
  /** Frames per second drawn. Default 15. */
  fps?: number;
  /** The background colour (any CSS colour). Default a green. */
  color?: string;
  /** Draw a moving square, so a viewer can see frames advance. Default true. */
  moving?: boolean;
}

/**
 * A live video track drawn on a canvas (`captureStream`), for stories and browser tests with
 * no camera. Returns null where canvas capture does not exist (jsdom, old browsers). The draw
 * loop ends with the track: stopping the track is all the cleanup there is.
 */
export function canvasVideoTrack(options: CanvasTrackOptions = {}): MediaStreamTrack | null {
  if (typeof document === "undefined") return null;
  const canvas = document.createElement("canvas");
  if (typeof canvas.captureStream !== "function") return null;
  const { width = 320, height = 240, fps = 15, color = "#2e9e44", moving = true } = options;
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  const track = canvas.captureStream(fps).getVideoTracks()[0];
  if (!track) return null;
  let frame = 0;
  const draw = (): void => {
    ctx.fillStyle = color;
    ctx.fillRect(0, 0, width, height);
    if (moving) {
      const size = Math.round(height / 6);
      ctx.fillStyle = "#ffffff";
      ctx.fillRect((frame * 4) % (width - size), (height - size) / 2, size, size);
    }
    frame++;
  };
  draw();
  const timer = setInterval(() => {
    if (track.readyState === "ended") clearInterval(timer);
    else draw();
  }, 1000 / fps);
  // stop() fires no "ended" on the track itself: end the loop at once instead of next tick.
  const stop = track.stop.bind(track);
  track.stop = () => {
    clearInterval(timer);
    stop();
  };
  return track;
}
