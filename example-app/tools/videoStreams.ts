/** Frames out of the files ffmpeg writes, for the video bench and the video pipeline tests. */

/** VP8 frames of an IVF file (its 32-byte header, then 12-byte frame headers). */
export function ivfFrames(file: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 32; i + 12 <= file.length; ) {
    const size = file.readUInt32LE(i);
    out.push(file.subarray(i + 12, i + 12 + size));
    i += 12 + size;
  }
  return out;
}

/** NAL units of an Annex B stream, grouped into access units at each slice (types 1 and 5). */
export function h264AccessUnits(stream: Buffer): Buffer[][] {
  const nals: Buffer[] = [];
  let start = -1;
  for (let i = 0; i + 3 <= stream.length; i++) {
    if (stream[i] === 0 && stream[i + 1] === 0 && stream[i + 2] === 1) {
      if (start >= 0) nals.push(stream.subarray(start, i > 0 && stream[i - 1] === 0 ? i - 1 : i));
      start = i + 3;
      i += 2;
    }
  }
  if (start >= 0) nals.push(stream.subarray(start));
  const units: Buffer[][] = [];
  let cur: Buffer[] = [];
  for (const n of nals) {
    cur.push(n);
    const t = n[0]! & 0x1f;
    if (t === 1 || t === 5) {
      units.push(cur);
      cur = [];
    }
  }
  return units;
}
