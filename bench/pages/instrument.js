// Injected before any page script. Counts live AudioContexts, the rAF callbacks waiting for
// the next frame (a loop re-queues one per frame, so after a frame this is the number of live
// loops) and the time spent inside rAF callbacks (a visualizer's scripting per frame).
(() => {
  const raf = { pending: new Set(), time: 0, calls: 0, exclude: new Set() };
  const audio = { live: 0, created: 0 };
  window.__bench = { raf, audio };

  const AC = window.AudioContext;
  if (AC) {
    window.AudioContext = class extends AC {
      constructor(...args) {
        super(...args);
        audio.live++;
        audio.created++;
        this.__benchOpen = true;
      }
      close() {
        if (this.__benchOpen) audio.live--;
        this.__benchOpen = false;
        return super.close();
      }
    };
  }

  const nativeRaf = window.requestAnimationFrame.bind(window);
  const nativeCaf = window.cancelAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => {
    const id = nativeRaf((t) => {
      raf.pending.delete(id);
      const t0 = performance.now();
      try {
        cb(t);
      } finally {
        raf.time += performance.now() - t0;
        raf.calls++;
      }
    });
    raf.pending.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    raf.pending.delete(id);
    nativeCaf(id);
  };
  // The bench's own frame counter must not count as a page loop or as visualizer time.
  window.__benchRaf = nativeRaf;
})();
