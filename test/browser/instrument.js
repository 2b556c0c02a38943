// Injected before any page script: counts what the kit opens and whether it closes it.
(() => {
  // Source nodes stay alive as long as their context (disconnecting does not free them), so
  // a node counts as live until its context closes.
  const live = { audioContexts: 0, sourceNodes: 0, intervals: new Set(), rafPending: new Set(), kitTracks: 0 };
  window.__live = live;
  const AC = window.AudioContext;
  window.AudioContext = class extends AC {
    constructor(...args) {
      super(...args);
      live.audioContexts++;
      this.__open = true;
      this.__sources = 0;
    }
    createMediaStreamSource(stream) {
      this.__sources++;
      live.sourceNodes++;
      return super.createMediaStreamSource(stream);
    }
    close() {
      if (this.__open) {
        live.audioContexts--;
        live.sourceNodes -= this.__sources;
      }
      this.__open = false;
      return super.close();
    }
  };
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => {
    const id = raf((t) => {
      live.rafPending.delete(id);
      cb(t);
    });
    live.rafPending.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    live.rafPending.delete(id);
    caf(id);
  };
  const si = window.setInterval.bind(window);
  const ci = window.clearInterval.bind(window);
  window.setInterval = (...a) => {
    const id = si(...a);
    live.intervals.add(id);
    return id;
  };
  window.clearInterval = (id) => {
    live.intervals.delete(id);
    ci(id);
  };
  const gum = navigator.mediaDevices?.getUserMedia?.bind(navigator.mediaDevices);
  if (gum)
    navigator.mediaDevices.getUserMedia = async (c) => {
      const s = await gum(c);
      for (const t of s.getTracks()) {
        live.kitTracks++;
        t.addEventListener("ended", () => live.kitTracks--);
        const stop = t.stop.bind(t);
        t.stop = () => {
          if (t.readyState === "live") live.kitTracks--;
          stop();
        };
      }
      return s;
    };
  window.__snapshot = () => ({ audioContexts: live.audioContexts, sourceNodes: live.sourceNodes, intervals: live.intervals.size, rafLoops: live.rafPending.size, kitTracks: live.kitTracks });
})();
