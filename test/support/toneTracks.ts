// Oscillators standing in for a microphone and the bot's audio in browser pages (bench and
// leak test): real MediaStreamTracks, so analysers, AudioContexts and media elements all run.
// Created once per page, on the page's own AudioContext.
let tones: { local: MediaStreamTrack; bot: MediaStreamTrack } | null = null;

export function toneTracks(): { local: MediaStreamTrack; bot: MediaStreamTrack } {
  if (tones) return tones;
  const ctx = new AudioContext();
  const track = (freq: number): MediaStreamTrack => {
    const osc = ctx.createOscillator();
    osc.frequency.value = freq;
    const dest = ctx.createMediaStreamDestination();
    osc.connect(dest);
    osc.start();
    return dest.stream.getAudioTracks()[0] as MediaStreamTrack;
  };
  tones = { local: track(220), bot: track(440) };
  return tones;
}
