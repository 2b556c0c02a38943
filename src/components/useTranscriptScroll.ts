import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import type { Turn } from "../store/transcript/types";

/** How close to the bottom (px) still counts as "at the bottom". */
const PIN_SLACK = 32;

/** Result of {@link useTranscriptScroll}. */
export interface TranscriptScroll {
  readonly viewportRef: RefObject<HTMLDivElement | null>;
  /** Following the newest turn. */
  readonly pinned: boolean;
  /** Index of the first rendered turn; everything before it is behind "Show earlier". */
  readonly first: number;
  readonly onScroll: () => void;
  readonly jumpToLatest: () => void;
  readonly showEarlier: () => void;
}

function indexOfId(turns: readonly Turn[], id: string, from: number): number {
  for (let i = Math.min(from, turns.length - 1); i >= 0; i--) if (turns[i]?.id === id) return i;
  return -1;
}

/**
 * Scroll pinning plus windowing for a transcript: pinned readers follow new turns; a reader
 * who scrolls up keeps their place (the rendered window stops sliding, so no row above them
 * disappears); only the last `windowSize` turns render until they ask for earlier ones.
 */
export function useTranscriptScroll(turns: readonly Turn[], windowSize: number): TranscriptScroll {
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const [pinned, setPinned] = useState(true);
  const pinnedRef = useRef(true);
  // extra: turns shown beyond windowSize; anchorId: the first rendered turn while unpinned.
  const [win, setWin] = useState<{ extra: number; anchorId: string | null }>({ extra: 0, anchorId: null });
  const restore = useRef<{ height: number; top: number } | null>(null);
  const pinFrame = useRef<number | null>(null);

  const size = Number.isFinite(windowSize) && windowSize > 0 ? Math.floor(windowSize) : Infinity;
  const tailFirst = size === Infinity ? 0 : Math.max(0, turns.length - size - win.extra);
  const anchored = !pinned && win.anchorId !== null ? indexOfId(turns, win.anchorId, tailFirst) : -1;
  const first = anchored >= 0 ? Math.min(anchored, tailFirst) : tailFirst;
  const firstIdRef = useRef<string | null>(null);

  // A layout effect keeps the reader's place before paint; on the server (no document) React 18
  // warns about it, and there is nothing to scroll, so a plain effect stands in. The choice is
  // made per render, not at import, so importing the kit touches no browser global.
  const useScrollEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;
  useScrollEffect(() => {
    firstIdRef.current = turns[first]?.id ?? null;
    const el = viewportRef.current;
    if (!el) return;
    if (restore.current) {
      // Earlier turns were added above: keep what the reader was looking at in place.
      el.scrollTop = restore.current.top + (el.scrollHeight - restore.current.height);
      restore.current = null;
    } else if (pinnedRef.current && pinFrame.current === null) {
      // Reading scrollHeight forces a synchronous layout of every rendered row; per streamed
      // token that was half the commit time. Follow the bottom once per frame instead.
      pinFrame.current = requestAnimationFrame(() => {
        pinFrame.current = null;
        const v = viewportRef.current;
        if (v && pinnedRef.current) v.scrollTop = v.scrollHeight;
      });
    }
  }, [turns, first, pinned]);
  useEffect(
    () => () => {
      if (pinFrame.current !== null) cancelAnimationFrame(pinFrame.current);
      pinFrame.current = null;
    },
    [],
  );

  const onScroll = useCallback(() => {
    const el = viewportRef.current;
    // New content moved the view (scroll anchoring) and the pin for it is one frame away:
    // that is not the reader leaving the bottom.
    if (!el || (pinnedRef.current && pinFrame.current !== null)) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= PIN_SLACK;
    if (atBottom === pinnedRef.current) return;
    pinnedRef.current = atBottom;
    setPinned(atBottom);
    if (!atBottom) setWin((w) => ({ ...w, anchorId: firstIdRef.current }));
  }, []);

  const jumpToLatest = useCallback(() => {
    pinnedRef.current = true;
    setPinned(true);
    setWin({ extra: 0, anchorId: null });
    const el = viewportRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  const turnsRef = useRef(turns);
  turnsRef.current = turns;
  const showEarlier = useCallback(() => {
    const el = viewportRef.current;
    if (el) restore.current = { height: el.scrollHeight, top: el.scrollTop };
    const all = turnsRef.current;
    const step = size === Infinity ? all.length : size;
    const current = Math.max(0, indexOfId(all, firstIdRef.current ?? "", all.length - 1));
    const next = Math.max(0, current - step);
    setWin({ extra: Math.max(0, all.length - step - next), anchorId: all[next]?.id ?? null });
  }, [size]);

  return { viewportRef, pinned, first, onScroll, jumpToLatest, showEarlier };
}
