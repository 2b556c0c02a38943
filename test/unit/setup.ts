import "@testing-library/jest-dom/vitest";
import { LogLevel, logger } from "@pipecat-ai/client-js";

// client-js logs at DEBUG by default; tests keep the output for failures.
logger.setLevel(LogLevel.NONE);

// Radix Slider measures itself; jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => cleanup());
