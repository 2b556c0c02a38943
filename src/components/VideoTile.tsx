import { forwardRef, type CSSProperties, type HTMLAttributes, type ReactNode, type Ref } from "react";
import { cx, flag, useMergedRef } from "./dom";
import { useVideoTile, type UseVideoTileOptions } from "./useVideoTile";

/** Props of {@link VideoTile}: the options of `useVideoTile`; other props go to the root `<div>`. */
export interface VideoTileProps extends UseVideoTileOptions, Omit<HTMLAttributes<HTMLDivElement>, "children"> {
  /** How the picture fills the tile (the `<video>`'s `object-fit`). Default "cover". */
  fit?: CSSProperties["objectFit"];
  /** Replaces the placeholder text while there is no picture. */
  placeholder?: ReactNode;
  /** A ref to the `<video>` (the root's ref is the component's own `ref`). */
  videoRef?: Ref<HTMLVideoElement>;
}

/**
 * Shows the user's camera (mirrored, as a self view), their screen share or the bot's video,
 * with a placeholder while there is none. `data-state` is `off`, `starting`, `live` or `error`;
 * the root is a named group, so screen readers announce whose video it is.
 *
 * @example
 * <VideoTile source="camera" fit="contain" />
 */
export const VideoTile = /* @__PURE__ */ forwardRef<HTMLDivElement, VideoTileProps>(function VideoTile(props, ref) {
  const { source = "camera", track, mirror, labels, fit = "cover", placeholder, videoRef, className, ...rest } = props;
  const tile = useVideoTile({ source, track, mirror, labels });
  const mergedVideoRef = useMergedRef(tile.videoRef, videoRef);
  return (
    <div
      role="group"
      aria-label={tile.name}
      {...rest}
      ref={ref}
      className={cx("rtvi-video-tile", className)}
      data-rtvi-video-tile=""
      data-source={source}
      data-state={tile.state}
      data-mirrored={flag(tile.mirror)}
    >
      <video
        ref={mergedVideoRef}
        data-slot="video"
        autoPlay
        playsInline
        muted
        hidden={tile.track === null}
        style={{ objectFit: fit, width: "100%", height: "100%", transform: tile.mirror ? "scaleX(-1)" : undefined }}
      />
      {tile.placeholder !== null && (
        <span data-slot="placeholder" role={tile.state === "error" ? "status" : undefined}>
          {placeholder ?? tile.placeholder}
        </span>
      )}
    </div>
  );
});
