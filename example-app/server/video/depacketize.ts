/** One RTP packet as the video pipeline needs it (werift's RtpPacket has these fields). */
export interface VideoRtp {
  sequenceNumber: number;
  timestamp: number;
  marker: boolean;
  payload: Buffer;
}

export type VideoCodec = "vp8" | "h264";

/** A whole encoded frame: VP8 bytes, or H.264 NAL units in Annex B (start codes). */
export interface EncodedFrame {
  codec: VideoCodec;
  data: Buffer;
  keyframe: boolean;
  rtpTimestamp: number;
  /** When its first packet arrived (performance.now()). */
  firstPacketAt: number;
}

/**
 * Strips the VP8 payload descriptor (RFC 7741 §4.2). Returns the VP8 bytes and whether they
 * begin a frame, or null for a packet too short to hold a descriptor.
 */
export function vp8Payload(p: Buffer): { start: boolean; data: Buffer } | null {
  if (p.length < 1) return null;
  let i = 1;
  const x = (p[0]! & 0x80) !== 0;
  const start = (p[0]! & 0x10) !== 0 && (p[0]! & 0x07) === 0;
  if (x) {
    if (p.length < 2) return null;
    const ext = p[1]!;
    i = 2;
    if (ext & 0x80) i += p.length > i && (p[i]! & 0x80) ? 2 : 1; // PictureID, 7 or 15 bits
    if (ext & 0x40) i += 1; // TL0PICIDX
    if (ext & 0x30) i += 1; // TID / KEYIDX
  }
  if (i > p.length) return null;
  return { start, data: p.subarray(i) };
}

/** A VP8 frame is a key frame when the P bit of its first byte is 0 (RFC 6386 §9.1). */
export const vp8IsKeyframe = (frame: Buffer): boolean => frame.length > 0 && (frame[0]! & 0x01) === 0;

const START = Buffer.from([0, 0, 0, 1]);

/**
 * H.264 RTP payload (RFC 6184) to Annex B: single NAL units, STAP-A aggregates and FU-A
 * fragments (mode 1, what browsers send). `fuStart` tells whether an FU-A packet begins its NAL.
 */
export function h264Payload(p: Buffer): { parts: Buffer[]; nalTypes: number[] } | null {
  if (p.length < 1) return null;
  const type = p[0]! & 0x1f;
  if (type >= 1 && type <= 23) return { parts: [START, p], nalTypes: [type] };
  if (type === 24) {
    const parts: Buffer[] = [];
    const nalTypes: number[] = [];
    for (let i = 1; i + 2 <= p.length; ) {
      const size = p.readUInt16BE(i);
      i += 2;
      if (size === 0 || i + size > p.length) return null;
      parts.push(START, p.subarray(i, i + size));
      nalTypes.push(p[i]! & 0x1f);
      i += size;
    }
    return { parts, nalTypes };
  }
  if (type === 28) {
    if (p.length < 2) return null;
    const fu = p[1]!;
    const nalType = fu & 0x1f;
    if (fu & 0x80) return { parts: [START, Buffer.from([(p[0]! & 0xe0) | nalType]), p.subarray(2)], nalTypes: [nalType] };
    return { parts: [p.subarray(2)], nalTypes: [] };
  }
  return null;
}

/**
 * Puts RTP packets back into frames: one frame per RTP timestamp, closed by the marker bit.
 * A lost packet (a gap in sequence numbers) spoils the frame and, since later frames refer
 * to it, everything up to the next key frame: those are dropped and `onNeedKeyframe` asks
 * the sender for one. Packets are never held for reordering, so nothing queues here.
 */
export class FrameAssembler {
  private parts: Buffer[] = [];
  private ts: number | null = null;
  private lastSeq: number | null = null;
  private broken = false;
  private key = false;
  private startedAt = 0;
  private waitKey = true;
  framesOut = 0;
  framesDropped = 0;

  constructor(
    private readonly codec: VideoCodec,
    private readonly onFrame: (f: EncodedFrame) => void,
    private readonly onNeedKeyframe: () => void = () => undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(rtp: VideoRtp): void {
    const seq = rtp.sequenceNumber;
    const gap = this.lastSeq !== null && seq !== ((this.lastSeq + 1) & 0xffff);
    this.lastSeq = seq;
    if (this.ts !== rtp.timestamp) {
      // A new frame began before the old one's marker: the old one lost its end.
      if (this.ts !== null && this.parts.length) this.spoil();
      this.ts = rtp.timestamp;
      this.parts = [];
      this.broken = false;
      this.key = false;
      this.startedAt = this.now();
    }
    // Lost packets at a frame boundary may have been this frame's first ones: it is spoilt too.
    if (gap) this.broken = true;
    this.add(rtp.payload);
    if (rtp.marker) this.finish();
  }

  private add(payload: Buffer): void {
    if (this.codec === "vp8") {
      const v = vp8Payload(payload);
      if (!v) return void (this.broken = true);
      if (this.parts.length === 0 && !v.start) this.broken = true;
      if (this.parts.length === 0 && v.start) this.key = vp8IsKeyframe(v.data);
      this.parts.push(v.data);
    } else {
      const h = h264Payload(payload);
      if (!h) return void (this.broken = true);
      if (h.nalTypes.some((t) => t === 5 || t === 7)) this.key = true;
      this.parts.push(...h.parts);
    }
  }

  private spoil(): void {
    this.framesDropped++;
    this.waitKey = true;
    this.onNeedKeyframe();
    this.parts = [];
  }

  private finish(): void {
    const parts = this.parts;
    this.parts = [];
    if (this.broken || parts.length === 0) return this.spoil();
    if (this.waitKey && !this.key) {
      this.framesDropped++;
      return;
    }
    this.waitKey = false;
    this.framesOut++;
    this.onFrame({ codec: this.codec, data: Buffer.concat(parts), keyframe: this.key, rtpTimestamp: this.ts ?? 0, firstPacketAt: this.startedAt });
    this.ts = null;
  }

  /** The decoder lost frames (it was busy): start again from a key frame. */
  restart(): void {
    this.waitKey = true;
    this.onNeedKeyframe();
  }
}
