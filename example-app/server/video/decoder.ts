import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import type { EncodedFrame, VideoCodec } from "./depacketize.js";

export interface DecoderOptions {
  codec: VideoCodec;
  /** Widest JPEG sent on (the picture is scaled down to it, never up). Default 640. */
  maxWidth?: number;
  /** ffmpeg's MJPEG quality, 2 (best) to 31. Default 6. */
  quality?: number;
  ffmpeg?: string;
  onJpeg(jpeg: Buffer, source: EncodedFrame): void;
  onExit?(reason: string): void;
}

/** The IVF container's file header (32 bytes): ffmpeg's VP8 input, with a millisecond time base. */
function ivfHeader(): Buffer {
  const b = Buffer.alloc(32);
  b.write("DKIF", 0, "ascii");
  b.writeUInt16LE(0, 4);
  b.writeUInt16LE(32, 6);
  b.write("VP80", 8, "ascii");
  b.writeUInt16LE(640, 12);
  b.writeUInt16LE(480, 14);
  b.writeUInt32LE(1000, 16);
  b.writeUInt32LE(1, 20);
  return b;
}

/** One IVF frame: its 12-byte header (size, pts) and the VP8 bytes. */
export function ivfFrame(data: Buffer, ptsMs: number): Buffer {
  const h = Buffer.alloc(12);
  h.writeUInt32LE(data.length, 0);
  h.writeBigUInt64LE(BigInt(Math.max(0, Math.round(ptsMs))), 4);
  return Buffer.concat([h, data]);
}

/**
 * One long-lived ffmpeg per call that turns key frames into JPEGs, one out per frame in.
 * The caller feeds it only the frames it wants pictures of (about one a second), so decoding
 * costs one frame's work per picture. While a frame is in ffmpeg the next one is refused
 * (`decode` returns false): frames are dropped under load, never queued.
 */
export class JpegDecoder {
  private proc: ChildProcessWithoutNullStreams | null;
  private out: Buffer = Buffer.alloc(0);
  private inFlight: EncodedFrame | null = null;
  private inFlightSince = 0;
  private readonly args: string[];
  /** What each coming JPEG is of, in order: a frame, or null for a flushing copy (discarded). */
  private pending: Array<EncodedFrame | null> = [];
  private started = performance.now();
  private closed = false;
  decoded = 0;
  refused = 0;
  restarts = 0;

  constructor(private readonly opts: DecoderOptions) {
    const maxWidth = opts.maxWidth ?? 640;
    const input = opts.codec === "vp8" ? ["-f", "ivf"] : ["-f", "h264"];
    const args = [
      "-hide_banner", "-loglevel", "error", "-nostdin",
      "-fflags", "nobuffer", "-probesize", "32", "-analyzeduration", "0", "-threads", "1",
      ...input, "-i", "pipe:0",
      "-vf", `scale='min(${maxWidth},iw)':-2`, "-fps_mode", "passthrough",
      "-threads", "1", "-c:v", "mjpeg", "-q:v", String(opts.quality ?? 6), "-f", "image2pipe", "-flush_packets", "1", "pipe:1",
    ];
    this.args = args;
    this.proc = this.spawn();
  }

  private spawn(): ChildProcessWithoutNullStreams {
    const opts = this.opts;
    const proc = spawn(opts.ffmpeg ?? "ffmpeg", this.args, { stdio: ["pipe", "pipe", "pipe"] });
    let err = "";
    proc.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-500)));
    proc.stdout.on("data", (d: Buffer) => this.proc === proc && this.onData(d));
    proc.stdin.on("error", () => undefined);
    proc.on("error", (e) => this.proc === proc && this.exit(`ffmpeg could not start: ${e.message}`));
    proc.on("exit", (code) => this.proc === proc && this.exit(code === 0 || this.closed ? "closed" : `ffmpeg exited (${code}): ${err.trim()}`));
    if (opts.codec === "vp8") proc.stdin.write(ivfHeader());
    return proc;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** Hands a key frame to ffmpeg; false when it is still busy with the last one (dropped). */
  decode(frame: EncodedFrame): boolean {
    // A frame ffmpeg could not decode yields no picture: after 3 s, start a fresh ffmpeg.
    if (this.inFlight && this.proc && performance.now() - this.inFlightSince > 3000) this.restart();
    const proc = this.proc;
    if (!proc || this.closed || this.inFlight) {
      this.refused++;
      return false;
    }
    this.inFlight = frame;
    this.inFlightSince = performance.now();
    // ffmpeg's command line emits a picture only once more input has arrived (one packet for
    // IVF, two for raw H.264, whose parser also waits for the next unit): the frame is written
    // again that many times, so the copies push the original out now. Their pictures come out
    // ahead of the next frame's and are thrown away; a key frame decodes alone, so a copy is
    // always decodable, at the cost of small extra decodes per picture (measured: bench tool).
    const pts = performance.now() - this.started;
    const copies = this.opts.codec === "vp8" ? 2 : 3;
    const one = (k: number): Buffer => (this.opts.codec === "vp8" ? ivfFrame(frame.data, pts + k) : frame.data);
    const bytes = Buffer.concat(Array.from({ length: copies }, (_, k) => one(k)));
    this.pending.push(frame, ...Array<null>(copies - 1).fill(null));
    proc.stdin.write(bytes);
    return true;
  }

  private onData(d: Buffer): void {
    this.out = this.out.length ? Buffer.concat([this.out, d]) : d;
    // image2pipe writes whole JPEGs back to back: each ends at its EOI marker.
    for (;;) {
      const end = this.out.indexOf(EOI);
      if (end < 0) break;
      const jpeg = this.out.subarray(0, end + 2);
      this.out = this.out.subarray(end + 2);
      const src = this.pending.shift() ?? null;
      if (!src) continue;
      this.inFlight = null;
      this.decoded++;
      if (jpeg[0] === 0xff && jpeg[1] === 0xd8) this.opts.onJpeg(Buffer.from(jpeg), src);
    }
  }

  private restart(): void {
    const old = this.proc;
    this.proc = this.spawn();
    this.inFlight = null;
    this.pending = [];
    this.out = Buffer.alloc(0);
    this.restarts++;
    old?.kill("SIGKILL");
  }

  private exit(reason: string): void {
    if (!this.proc) return;
    this.proc = null;
    this.inFlight = null;
    this.opts.onExit?.(reason);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const proc = this.proc;
    if (!proc) return;
    proc.stdin.end();
    const t = setTimeout(() => proc.kill("SIGKILL"), 1000);
    t.unref();
    proc.once("exit", () => clearTimeout(t));
  }
}

const EOI = Buffer.from([0xff, 0xd9]);
