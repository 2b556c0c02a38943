import { rtvi, type RtviMessage } from "./rtvi.js";

/**
 * Per-turn figures in Pipecat's `metrics` shape (values in seconds, like Pipecat's
 * MetricsFrame through its RTVI observer): `ttfb` from the end of the user's turn (the
 * bridge's VAD, or a typed message) to the bot's first output, and `processing` from
 * there to the service's generationComplete. The processor is the service answering:
 * "GeminiLive", or "OfflineDemoBot" for the local stand-in (its recognition + synthesis).
 */
export class TurnMetrics {
  private since: number | null = null;
  private ttfbSent = false;

  constructor(
    private readonly processor: string,
    private readonly model: string,
    private readonly send: (m: RtviMessage) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The user finished a turn (VAD stop or send-text): the bot's wait starts now. */
  userDone(): void {
    this.since = this.now();
    this.ttfbSent = false;
  }

  /** The bot's first output of a turn. */
  botStarted(): void {
    if (this.since === null || this.ttfbSent) return;
    this.ttfbSent = true;
    this.send(this.metric("ttfb", this.now() - this.since));
  }

  /** The service finished generating the answer. */
  generationDone(): void {
    if (this.since === null || !this.ttfbSent) return;
    this.send(this.metric("processing", this.now() - this.since));
    this.since = null;
  }

  private metric(kind: "ttfb" | "processing", ms: number): RtviMessage {
    return rtvi("metrics", { [kind]: [{ processor: this.processor, model: this.model, value: Math.max(0, ms) / 1000 }] });
  }
}
