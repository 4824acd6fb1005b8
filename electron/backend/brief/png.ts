// A PNG keeps only the chunks that make the picture: text chunks (tEXt, iTXt, zTXt), Exif and
// timestamps could carry words or times the brief did not mean to release.
import { AppError } from '../errors';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs', 'bKGD']);

export interface PngChunk {
  type: string;
  start: number;
  end: number;
}

export function pngChunks(png: Buffer): PngChunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new AppError('internal', 'The chart picture is not a PNG.');
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 12 + len;
    if (end > png.length) throw new AppError('internal', `The chart picture is cut short in its ${type} chunk.`);
    chunks.push({ type, start: at, end });
    at = end;
    if (type === 'IEND') break;
  }
  return chunks;
}

export function stripPngMetadata(png: Buffer): Buffer {
  const chunks = pngChunks(png);
  return Buffer.concat([SIGNATURE, ...chunks.filter((c) => KEEP.has(c.type)).map((c) => png.subarray(c.start, c.end))]);
}
