import { spawn } from "node:child_process";

/** What the stand-in can say about a picture without a model: facts it computes itself. */
export interface PictureFacts {
  width: number;
  height: number;
  /** Mean luma, 0 (black) to 1 (white). */
  brightness: number;
  /** The colour name most pixels have. */
  colour: ColourName;
  /** The share of pixels with that colour, 0..1. */
  share: number;
}

export type ColourName = "black" | "white" | "grey" | "red" | "orange" | "yellow" | "green" | "cyan" | "blue" | "purple" | "pink";

/** Names one pixel's colour by hue, after black, white and grey by value and saturation. */
export function colourOf(r: number, g: number, b: number): ColourName {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const v = max / 255;
  const s = max === 0 ? 0 : (max - min) / max;
  if (v < 0.18) return "black";
  if (s < 0.22) return v > 0.85 ? "white" : v < 0.3 ? "black" : "grey";
  const d = max - min;
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h *= 60;
  if (h < 0) h += 360;
  if (h < 15 || h >= 345) return "red";
  if (h < 42) return "orange";
  if (h < 70) return "yellow";
  if (h < 165) return "green";
  if (h < 195) return "cyan";
  if (h < 260) return "blue";
  if (h < 290) return "purple";
  return "pink";
}

/** Facts of an RGB24 picture (any size: a thumbnail is enough) shown at `width` × `height`. */
export function factsOf(rgb: Uint8Array, width: number, height: number): PictureFacts {
  const counts = new Map<ColourName, number>();
  let luma = 0;
  const n = Math.floor(rgb.length / 3);
  for (let i = 0; i < n; i++) {
    const r = rgb[i * 3]!;
    const g = rgb[i * 3 + 1]!;
    const b = rgb[i * 3 + 2]!;
    luma += 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const c = colourOf(r, g, b);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let colour: ColourName = "black";
  let best = -1;
  for (const [c, k] of counts) if (k > best) [colour, best] = [c, k];
  return { width, height, brightness: n ? luma / n / 255 : 0, colour, share: n ? best / n : 0 };
}

/** "a mostly green picture, 640 by 480, fairly bright" */
export function describe(f: PictureFacts): string {
  const mostly = f.share > 0.85 ? "an almost entirely" : f.share > 0.4 ? "a mostly" : "a partly";
  const light = f.brightness < 0.25 ? "dark" : f.brightness > 0.7 ? "bright" : "of medium brightness";
  return `${mostly} ${f.colour} picture, ${f.width} by ${f.height}, ${light}`;
}

/** The size a JPEG declares in its start-of-frame segment, or null if there is none. */
export function jpegSize(jpeg: Buffer): { width: number; height: number } | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  for (let i = 2; i + 9 < jpeg.length; ) {
    if (jpeg[i] !== 0xff) return null;
    const marker = jpeg[i + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const len = jpeg.readUInt16BE(i + 2);
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof) return { height: jpeg.readUInt16BE(i + 5), width: jpeg.readUInt16BE(i + 7) };
    i += 2 + len;
  }
  return null;
}

/** Decodes a JPEG to a small RGB24 thumbnail with ffmpeg (one short run per question). */
export function jpegThumbnail(jpeg: Buffer, w = 64, h = 48, ffmpeg = "ffmpeg"): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const p = spawn(ffmpeg, ["-hide_banner", "-loglevel", "error", "-f", "image2pipe", "-c:v", "mjpeg", "-i", "pipe:0", "-vf", `scale=${w}:${h}`, "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);
    const chunks: Buffer[] = [];
    p.stdout.on("data", (d: Buffer) => chunks.push(d));
    p.on("error", reject);
    p.stdin.on("error", () => undefined);
    p.on("exit", (code) => {
      const out = Buffer.concat(chunks);
      if (code === 0 && out.length >= w * h * 3) resolve(out.subarray(0, w * h * 3));
      else reject(new Error(`ffmpeg could not read the picture (${code})`));
    });
    p.stdin.end(jpeg);
  });
}

/** The facts of a JPEG: its declared size, and colour and brightness from a thumbnail. */
export async function jpegFacts(jpeg: Buffer, ffmpeg?: string): Promise<PictureFacts> {
  const size = jpegSize(jpeg);
  if (!size) throw new Error("not a JPEG");
  return factsOf(await jpegThumbnail(jpeg, 64, 48, ffmpeg), size.width, size.height);
}
