/**
 * What makes an upload a photo we keep: its bytes say it is a JPEG, PNG, WebP or HEIC image (its name and declared
 * type count for nothing), sharp can decode it within a pixel limit (no decompression bombs), and it is re-encoded
 * — turned upright by its EXIF orientation, at most MAX_EDGE pixels on its longer side, as a JPEG without any
 * metadata (EXIF, GPS, XMP, ICC) — with a thumbnail.
 */
import sharp from 'sharp';
import { badInput } from '../kernel/errors.ts';

/** The largest file accepted (INPUTS.md: ≤ 10 MiB). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Pixels of the decoded image: more is refused before it is decoded (a 48-megapixel phone camera fits). */
export const MAX_INPUT_PIXELS = 60_000_000;
/** The longer side of the stored image and of its thumbnail, in pixels. */
export const MAX_EDGE = 2560;
export const THUMBNAIL_EDGE = 400;
/** Images re-encoded at once by this process (each holds a decoded image in memory). */
const CONCURRENT_ENCODES = 2;

export type ImageFormat = 'JPEG' | 'PNG' | 'WEBP' | 'HEIC';

/** Brands of HEVC-coded HEIF (HEIC); the generic HEIF brands mif1/msf1 need one of these beside them. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const GENERIC_HEIF_BRANDS = new Set(['mif1', 'msf1']);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The format the bytes say, or null. */
export function sniffImage(data: Buffer): ImageFormat | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'JPEG';
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'PNG';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') {
    return 'WEBP';
  }
  // ISO base media: a box "ftyp" at offset 4: its major brand, a version, then compatible brands (an AVIF is no HEIC).
  if (data.length >= 12 && data.toString('latin1', 4, 8) === 'ftyp') {
    const major = data.toString('latin1', 8, 12);
    if (HEIC_BRANDS.has(major)) return 'HEIC';
    if (GENERIC_HEIF_BRANDS.has(major)) {
      const boxEnd = Math.min(data.readUInt32BE(0), data.length, 64);
      for (let at = 16; at + 4 <= boxEnd; at += 4) {
        if (HEIC_BRANDS.has(data.toString('latin1', at, at + 4))) return 'HEIC';
      }
    }
  }
  return null;
}

const SHARP_FORMAT: Record<ImageFormat, string> = { JPEG: 'jpeg', PNG: 'png', WEBP: 'webp', HEIC: 'heif' };
const ACCEPTED = 'must be a JPEG, PNG, WebP or HEIC image';

export interface EncodedPhoto {
  image: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
  contentType: 'image/jpeg';
}

let running = 0;
const waiting: (() => void)[] = [];

async function withEncodeSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENT_ENCODES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Checks and re-encodes an upload; anything it cannot accept is BAD_USER_INPUT naming `file`. */
export function encodePhoto(data: Buffer): Promise<EncodedPhoto> {
  const format = sniffImage(data);
  if (format === null) throw badInput('file', ACCEPTED);
  return withEncodeSlot(() => encode(data, format));
}

async function encode(data: Buffer, format: ImageFormat): Promise<EncodedPhoto> {
  // failOn 'error': a truncated or corrupt image is refused rather than stored half grey.
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false } as const;
  try {
    const metadata = await sharp(data, options).metadata();
    if (metadata.format !== SHARP_FORMAT[format]) throw badInput('file', ACCEPTED);
    if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_INPUT_PIXELS) throw tooManyPixels();
    const { data: image, info } = await sharp(data, options)
      .rotate() // upright by its EXIF orientation (the orientation tag itself goes with the rest of the metadata)
      .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(image)
      .resize({ width: THUMBNAIL_EDGE, height: THUMBNAIL_EDGE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer();
    return { image, thumbnail, width: info.width, height: info.height, contentType: 'image/jpeg' };
  } catch (err) {
    if (err instanceof Error && err.name === 'DomainError') throw err;
    const message = err instanceof Error ? err.message : '';
    if (/pixel limit/i.test(message)) throw tooManyPixels();
    if (format === 'HEIC') {
      // The prebuilt sharp (libvips with libheif for AVIF only) has no HEVC decoder.
      throw badInput(
        'file',
        'HEIC images cannot be read by this server: send JPEG, PNG or WebP (on an iPhone: Settings › Camera › Formats › Most Compatible)',
      );
    }
    throw badInput('file', `is not a readable ${format === 'WEBP' ? 'WebP' : format} image`);
  }
}

function tooManyPixels() {
  return badInput('file', `has too many pixels (at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels)`);
}
