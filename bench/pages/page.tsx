// The bench page: every part's in-page half, called from Node as window.bench.<name>(...).
import "@pipecat-ai/voice-ui-kit/styles.scoped.css";
import "../../src/styles.css";
import { toneTracks } from "./common";
import * as transcript from "./transcript";
import * as ui from "./ui";

// Silence client-js's and client-react's console chatter (thousands of lines per run).
for (const level of ["log", "debug", "info"] as const) console[level] = () => undefined;

// The oscillator tracks exist before anything is measured: their AudioContext is the page's baseline.
toneTracks();

(window as unknown as { bench: unknown }).bench = {
  levelCommits: ui.levelCommits,
  visualizersStart: ui.visualizersStart,
  visualizersMeasure: ui.visualizersMeasure,
  visualizersStop: ui.stop,
  visualizerCycles: ui.visualizerCycles,
  memorySetup: ui.memorySetup,
  memoryCycles: ui.memoryCycles,
  memoryStop: ui.stop,
  transcriptSetup: transcript.setup,
  transcriptStream: transcript.stream,
  transcriptTeardown: transcript.teardown,
};
document.title = "bench-ready";
