import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { colourOf, describe as describePicture, factsOf, jpegFacts, jpegSize } from "../../example-app/server/video/analyse.js";
import { JpegDecoder } from "../../example-app/server/video/decoder.js";
import { FrameAssembler, h264Payload, vp8Payload, type EncodedFrame, type VideoRtp } from "../../example-app/server/video/depacketize.js";
import { VideoReceiver } from "../../example-app/server/video/receiver.js";
import { h264AccessUnits, ivfFrames } from "../../example-app/tools/videoStreams.js";

const dir = mkdtempSync(join(tmpdir(), "video-test-"));
const ff = (...args: string[]) => execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args]);

let seq = 100;
/** What a browser sends for a VP8 frame: a descriptor with a 15-bit PictureID, S on the first packet. */
function vp8Packets(frame: Buffer, ts: number, mtu = 900): VideoRtp[] {
  const out: VideoRtp[] = [];
  for (let off = 0; off < frame.length; off += mtu) {
    const desc = Buffer.from([0x80 | (off === 0 ? 0x10 : 0), 0x80, 0x80 | 0x12, 0x34]);
    const end = Math.min(frame.length, off + mtu);
    out.push({ sequenceNumber: seq++ & 0xffff, timestamp: ts, marker: end === frame.length, payload: Buffer.concat([desc, frame.subarray(off, end)]) });
  }
  return out;
}

/** H.264 as browsers packetize it: small NALs in one STAP-A, large ones in FU-A fragments. */
function h264Packets(nals: Buffer[], ts: number, mtu = 900): VideoRtp[] {
  const payloads: Buffer[] = [];
  const small = nals.filter((n) => n.length < 200);
  const large = nals.filter((n) => n.length >= 200);
  if (small.length) payloads.push(Buffer.concat([Buffer.from([24]), ...small.flatMap((n) => [Buffer.from([n.length >> 8, n.length & 0xff]), n])]));
  for (const n of large) {
    const hdr = n[0]!;
    for (let off = 1; off < n.length; off += mtu) {
      const end = Math.min(n.length, off + mtu);
      const fu = (off === 1 ? 0x80 : 0) | (end === n.length ? 0x40 : 0) | (hdr & 0x1f);
      payloads.push(Buffer.concat([Buffer.from([(hdr & 0xe0) | 28, fu]), n.subarray(off, end)]));
    }
  }
  return payloads.map((payload, i) => ({ sequenceNumber: seq++ & 0xffff, timestamp: ts, marker: i === payloads.length - 1, payload }));
}

function receive(codec: "vp8" | "h264", frames: VideoRtp[][], fps = 1): Promise<{ jpegs: Buffer[]; receiver: VideoReceiver; asks: number }> {
  return new Promise((resolve, reject) => {
    let clock = 0;
    let asks = 0;
    const jpegs: Buffer[] = [];
    let resume: (() => void) | null = null;
    const receiver = new VideoReceiver({
      codec,
      fps,
      now: () => clock,
      requestKeyframe: () => asks++,
      onJpeg: (j) => {
        jpegs.push(j);
        const r = resume;
        resume = null;
        r?.();
        if (jpegs.length === 2) {
          receiver.close();
          resolve({ jpegs, receiver, asks });
        }
      },
      onError: (e) => reject(new Error(e)),
    });
    // 30 frames a second of camera time; the decoder gets only what is due. Camera time
    // stands still while a picture is decoded, as if the machine were infinitely fast.
    let i = 0;
    const next = (): void => {
      if (i >= frames.length) return;
      if (receiver.busy) {
        resume = next;
        return;
      }
      clock = i * 33;
      for (const p of frames[i++]!) receiver.push(p);
      setImmediate(next);
    };
    next();
  });
}

describe("depacketizing", () => {
  it("strips VP8 descriptors of every length and reads the start bit", () => {
    expect(vp8Payload(Buffer.from([0x10, 0xaa]))).toEqual({ start: true, data: Buffer.from([0xaa]) });
    // X, I with a 15-bit PictureID, L, T: 1 + 1 + 2 + 1 + 1 bytes of descriptor.
    expect(vp8Payload(Buffer.from([0x90, 0xe0, 0x81, 0x02, 0x05, 0x20, 0xbb]))).toEqual({ start: true, data: Buffer.from([0xbb]) });
    // A 7-bit PictureID, not the first partition.
    expect(vp8Payload(Buffer.from([0x81, 0x80, 0x05, 0xcc]))).toEqual({ start: false, data: Buffer.from([0xcc]) });
  });

  it("turns H.264 STAP-A and FU-A payloads into Annex B", () => {
    const stap = h264Payload(Buffer.from([24, 0, 2, 0x67, 0x01, 0, 1, 0x68]))!;
    expect(Buffer.concat(stap.parts)).toEqual(Buffer.from([0, 0, 0, 1, 0x67, 0x01, 0, 0, 0, 1, 0x68]));
    expect(stap.nalTypes).toEqual([7, 8]);
    const first = h264Payload(Buffer.from([0x7c, 0x85, 0x11]))!;
    expect(Buffer.concat(first.parts)).toEqual(Buffer.from([0, 0, 0, 1, 0x65, 0x11]));
    expect(first.nalTypes).toEqual([5]);
    expect(Buffer.concat(h264Payload(Buffer.from([0x7c, 0x45, 0x22]))!.parts)).toEqual(Buffer.from([0x22]));
  });

  it("a lost packet drops its frame and every frame up to the next key frame, and asks for one", () => {
    const frames = ivfFrames(readFileSync(videoFile()));
    const out: EncodedFrame[] = [];
    let asks = 0;
    const a = new FrameAssembler("vp8", (f) => out.push(f), () => asks++);
    const packets = frames.slice(0, 16).map((f, i) => vp8Packets(f, i * 3000, 300));
    for (const p of packets[0]!) a.push(p);
    expect(out.map((f) => f.keyframe)).toEqual([true]);
    // Frame 1 loses its first packet: it and frames 2..14 (inter frames, needing it) are lost.
    for (let i = 1; i < 15; i++) for (const [k, p] of packets[i]!.entries()) if (!(i === 1 && k === 0)) a.push(p);
    expect(out).toHaveLength(1);
    expect(asks).toBeGreaterThan(0);
    for (const p of packets[15]!) a.push(p); // -g 15: frame 15 is a key frame
    expect(out.map((f) => f.keyframe)).toEqual([true, true]);
    expect(a.framesDropped).toBe(packets[1]!.length > 1 ? 14 : 13);
  });
});

function videoFile(): string {
  const file = join(dir, "green.ivf");
  try {
    readFileSync(file);
  } catch {
    ff("-f", "lavfi", "-i", "color=c=0x20c040:s=640x480:r=30,drawbox=x=100:y=100:w=80:h=80:color=white:t=fill", "-t", "2", "-c:v", "libvpx", "-g", "15", "-b:v", "400k", file);
  }
  return file;
}

describe("decoding and seeing", () => {
  it("VP8 at 30 fps becomes about one JPEG a second from key frames only, and it is green, 640 by 480", async () => {
    const frames = ivfFrames(readFileSync(videoFile())).map((f, i) => vp8Packets(f, i * 3000));
    const { jpegs, receiver } = await receive("vp8", frames);
    expect(receiver.framesReceived).toBeGreaterThanOrEqual(29);
    // Two pictures from ~60 frames of camera time: the rest were never decoded.
    expect(receiver.picturesOut).toBe(2);
    const facts = await jpegFacts(jpegs[1]!);
    expect(facts).toMatchObject({ width: 640, height: 480, colour: "green" });
    expect(describePicture(facts)).toMatch(/^(a mostly|an almost entirely) green picture, 640 by 480/);
  });

  it("H.264 (baseline, as offered by browsers) decodes too: blue, 320 by 240", async () => {
    const file = join(dir, "blue.h264");
    ff("-f", "lavfi", "-i", "color=c=0x2040d0:s=320x240:r=30", "-t", "2", "-c:v", "libx264", "-profile:v", "baseline", "-g", "15", "-x264-params", "repeat-headers=1", "-bsf:v", "h264_mp4toannexb", "-f", "h264", file);
    const units = h264AccessUnits(readFileSync(file)).map((u, i) => h264Packets(u, i * 3000));
    const { jpegs } = await receive("h264", units);
    const facts = await jpegFacts(jpegs[0]!);
    expect(facts).toMatchObject({ width: 320, height: 240, colour: "blue" });
  });

  it("a busy decoder refuses the next frame instead of queueing it", async () => {
    const frames = ivfFrames(readFileSync(videoFile()));
    const got: Buffer[] = [];
    await new Promise<void>((resolve) => {
      const d = new JpegDecoder({
        codec: "vp8",
        onJpeg: (j) => {
          got.push(j);
          d.close();
          resolve();
        },
      });
      const key: EncodedFrame = { codec: "vp8", data: frames[0]!, keyframe: true, rtpTimestamp: 0, firstPacketAt: 0 };
      expect(d.decode(key)).toBe(true);
      expect(d.decode({ ...key, data: frames[15]! })).toBe(false);
      expect(d.refused).toBe(1);
    });
    expect(got).toHaveLength(1);
    expect(jpegSize(got[0]!)).toEqual({ width: 640, height: 480 });
  });

  it("names colours and brightness from pixels", () => {
    expect([colourOf(250, 20, 20), colourOf(20, 200, 40), colourOf(30, 60, 220), colourOf(250, 250, 250), colourOf(5, 5, 5), colourOf(128, 128, 128)]).toEqual(["red", "green", "blue", "white", "black", "grey"]);
    const red = new Uint8Array(300).map((_, i) => (i % 3 === 0 ? 230 : 10));
    const f = factsOf(red, 1280, 720);
    expect(f).toMatchObject({ colour: "red", share: 1, width: 1280, height: 720 });
    expect(describePicture(f)).toBe("an almost entirely red picture, 1280 by 720, dark");
  });
});
