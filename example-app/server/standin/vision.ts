import { describe, jpegFacts } from "../video/analyse.js";

/** The questions the stand-in answers from the latest picture, typed or recognised. */
export const WHAT_DO_YOU_SEE = /\bwhat (do|can) you see\b|\bwhat(?:'s| is) (on|in) (my|the|this) (screen|camera|picture|video)\b|\bcan you see\b|你看到了?什么|看见了?什么|何が見え/i;

/** A picture older than this is from a camera that has since been turned off. */
const STALE_MS = 5000;

/**
 * The stand-in's eyes: it keeps the latest `realtimeInput.video` picture and, asked what it
 * sees, answers with facts it computes itself (size, brightness, dominant colour): no model.
 */
export class StandInVision {
  private latest: { jpeg: Buffer; at: number } | null = null;
  pictures = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  onPicture(jpeg: Buffer): void {
    this.pictures++;
    this.latest = { jpeg, at: this.now() };
  }

  async answer(): Promise<string> {
    const p = this.latest;
    if (!p || this.now() - p.at > STALE_MS) return "I cannot see anything right now. Turn on your camera or share your screen, then ask me again.";
    try {
      return `I see ${describe(await jpegFacts(p.jpeg))}.`;
    } catch {
      return "I got a picture but could not read it.";
    }
  }
}
