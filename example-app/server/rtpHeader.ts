import { RtpHeader } from "werift";

/**
 * werift (0.25.2, the newest) parses every RTP header bit field through `getBit`, which turns the
 * byte into a binary string, splits, pads, slices and joins it: six of those per header, twice per
 * inbound packet (once to authenticate SRTP, once after decrypting). At 20 calls that was a fifth of
 * everything the server's event loop allocated (heap sampling, 32 MB/s), and garbage collection was
 * the largest single cause of late frames. This parser reads the same fields with bit operations
 * and builds the identical header object; `test/server/rtp-header.test.ts` compares the two field
 * by field on generated packets of every shape werift handles.
 */
export function parseRtpHeader(raw: Buffer): RtpHeader {
  const h = new RtpHeader();
  const b0 = raw[0]!;
  h.version = b0 >> 6;
  h.padding = (b0 & 0x20) !== 0;
  h.extension = (b0 & 0x10) !== 0;
  h.csrcLength = b0 & 0x0f;
  const b1 = raw[1]!;
  h.marker = (b1 & 0x80) !== 0;
  h.payloadType = b1 & 0x7f;
  h.sequenceNumber = raw.readUInt16BE(2);
  h.timestamp = raw.readUInt32BE(4);
  h.ssrc = raw.readUInt32BE(8);
  const csrc: number[] = [];
  for (let i = 0; i < h.csrcLength; i++) csrc.push(raw.readUInt32BE(12 + i * 4));
  h.csrc = csrc;
  let at = 12 + h.csrcLength * 4;
  if (h.extension) {
    // Typed as the two RFC 8285 profiles, but the wire may carry any (werift keeps it too).
    h.extensionProfile = raw.readUInt16BE(at) as RtpHeader["extensionProfile"];
    const length = raw.readUInt16BE(at + 2) * 4;
    h.extensionLength = length;
    at += 4;
    const extensions: { id: number; payload: Buffer }[] = [];
    if (h.extensionProfile === ONE_BYTE || h.extensionProfile === TWO_BYTE) {
      const end = at + length;
      while (at < end) {
        const b = raw[at]!;
        if (b === 0) {
          at++;
          continue;
        }
        let id: number;
        let len: number;
        if (h.extensionProfile === ONE_BYTE) {
          id = b >> 4;
          len = (b & 0x0f) + 1;
          at++;
          // RFC 8285's id 15 ends the list; werift stops there too, without reading its length.
          if (id === 15) break;
        } else {
          id = b;
          len = raw[at + 1]!;
          at += 2;
        }
        extensions.push({ id, payload: raw.subarray(at, at + len) });
        at += len;
      }
    } else {
      const payload = raw.subarray(at, at + length);
      extensions.push({ id: 0, payload });
      at += payload.length;
    }
    h.extensions = extensions;
  }
  h.payloadOffset = at;
  if (h.padding) h.paddingSize = raw[raw.length - 1]!;
  return h;
}

const ONE_BYTE = 0xbede;
const TWO_BYTE = 0x1000;

let installed = false;

/**
 * Make werift use `parseRtpHeader`. Its own call sites look `RtpHeader.deSerialize` up on the class
 * each time, so replacing the static method reaches all of them; idempotent.
 */
export function installFastRtpHeader(): void {
  if (installed) return;
  installed = true;
  RtpHeader.deSerialize = parseRtpHeader;
}
