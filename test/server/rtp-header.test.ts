import { describe, expect, it } from "vitest";
import { RtpHeader, RtpPacket } from "werift";
import { parseRtpHeader } from "../../example-app/server/rtpHeader.js";

// Captured before anything installs the fast parser (installFastRtpHeader replaces this static).
const werifts = RtpHeader.deSerialize.bind(RtpHeader);

/** Small deterministic PRNG (mulberry32): the same packets every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function outcome(parse: (b: Buffer) => RtpHeader, b: Buffer): { header: RtpHeader } | { threw: string } {
  try {
    return { header: parse(b) };
  } catch (e) {
    return { threw: (e as Error).name };
  }
}

describe("parseRtpHeader", () => {
  it("builds the same header as werift's parser for packets of every shape it writes", () => {
    const r = rng(1);
    const int = (n: number) => Math.floor(r() * n);
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
    const profiles = [0xbede, 0x1000, 0xabcd];
    let shapes = 0;
    for (let i = 0; i < 600; i++) {
      const profile = profiles[i % 3]!;
      const extCount = i % 5 === 0 ? 0 : 1 + int(4);
      const extensions = Array.from({ length: extCount }, (_, k) =>
        profile === 0xbede ? { id: 1 + ((k + int(13)) % 14), payload: bytes(1 + int(16)) } : profile === 0x1000 ? { id: 1 + int(255), payload: bytes(int(20)) } : { id: 0, payload: bytes(4 * (1 + int(4))) },
      );
      const header = new RtpHeader({
        marker: r() < 0.5,
        payloadType: int(128),
        sequenceNumber: int(65536),
        timestamp: int(2 ** 32),
        ssrc: int(2 ** 32),
        csrc: Array.from({ length: int(16) }, () => int(2 ** 32)),
        padding: r() < 0.2,
        paddingSize: 0,
        extensionProfile: profile as RtpHeader["extensionProfile"],
        extensions: profile === 0xabcd ? extensions.slice(0, 1) : extensions,
      });
      const payload = bytes(int(200));
      const head = header.serialize(header.serializeSize);
      const pad = header.padding ? Buffer.concat([Buffer.alloc(3), Buffer.from([4])]) : Buffer.alloc(0);
      const packet = Buffer.concat([head, payload, pad]);
      const ours = parseRtpHeader(packet);
      expect(ours).toStrictEqual(werifts(packet));
      if (ours.extensions.length > 0 && ours.csrcLength > 0 && ours.padding) shapes++;
    }
    // The generator really produced the hard cases: extensions, CSRCs and padding together.
    expect(shapes).toBeGreaterThan(10);
  });

  it("agrees with werift on arbitrary bytes too, including where werift throws", () => {
    const r = rng(2);
    let parsed = 0;
    let threw = 0;
    for (let i = 0; i < 3000; i++) {
      const b = Buffer.from(Array.from({ length: 16 + Math.floor(r() * 60) }, () => Math.floor(r() * 256)));
      // Half of them get a real one- or two-byte profile so the extension loops run on junk.
      if (i % 2 === 0) {
        b[0] = (b[0]! & 0xe0) | 0x10;
        b.writeUInt16BE(i % 4 === 0 ? 0xbede : 0x1000, 12);
        b.writeUInt16BE(Math.floor(r() * 6), 14);
      }
      const a = outcome(parseRtpHeader, b);
      const w = outcome(werifts, b);
      expect("threw" in a).toBe("threw" in w);
      if ("header" in a && "header" in w) {
        expect(a.header).toStrictEqual(w.header);
        parsed++;
      } else threw++;
    }
    expect(parsed).toBeGreaterThan(1000);
    expect(threw).toBeGreaterThan(10);
  });

  it("is the parser werift uses once the bot's peer is loaded", async () => {
    await import("../../example-app/server/peer.js");
    expect(RtpHeader.deSerialize).toBe(parseRtpHeader);
    const packet = new RtpPacket(new RtpHeader({ payloadType: 111, sequenceNumber: 7, marker: true }), Buffer.from([1, 2, 3])).serialize();
    const parsed = RtpPacket.deSerialize(packet);
    expect(parsed.header).toStrictEqual(werifts(packet));
    expect([...parsed.payload]).toEqual([1, 2, 3]);
  });
});
