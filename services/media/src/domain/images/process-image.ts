import { createHash } from 'node:crypto';
import sharp, { type OutputInfo } from 'sharp';
import { notAnImage } from '../../errors.js';
import type { ImageInfo } from './inspect-image.js';
import { MAX_PIXELS, type UploadRule } from './upload-rules.js';

// Each upload is decoded once and never again: libvips' operation cache would only hold memory.
sharp.cache(false);
/**
 * libwebp's effort (0-6, default 4): 2 encodes about twice as fast as 4 for a few percent more
 * bytes (measured on 800 × 800 pictures), and encoding is most of an upload's cost.
 */
const WEBP_EFFORT = 2;

export interface ProcessedObject {
  key: string;
  body: Buffer;
  contentType: string;
}

export interface ProcessedImage {
  /** The main WebP's key: its public URL is the one answered and shown. */
  mainKey: string;
  objects: ProcessedObject[];
}

/** Content-addressed: the same bytes give the same keys, so a cache never serves a stale picture. */
export const contentHash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

/**
 * Decodes once (auto-oriented; a truncated file fails here and is "not an image"), then encodes the
 * answered WebP at display size, the original's format (PNG or JPEG, GIF → PNG) at full resolution
 * for clients that need it, and smaller WebP copies. sharp writes no metadata unless asked, so EXIF
 * and GPS are gone from all of them.
 */
export async function processImage(
  bytes: Buffer,
  info: ImageInfo,
  rule: UploadRule,
  clubId: string,
): Promise<ProcessedImage> {
  let decoded: { data: Buffer; info: OutputInfo };
  try {
    decoded = await sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS })
      .rotate()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw notAnImage(rule.kind);
  }
  const { width, height, channels } = decoded.info;
  const pixels = () => sharp(decoded.data, { raw: { width, height, channels } });
  const webp = (w: number, quality: number) =>
    (w < width ? pixels().resize({ width: w }) : pixels()).webp({ quality, effort: WEBP_EFFORT }).toBuffer();
  const base = `clubs/${clubId}/${rule.purpose}/${contentHash(bytes)}`;
  const original = info.format === 'jpeg' ? 'jpeg' : 'png';
  const display = Math.min(width, rule.displayWidth);
  const smaller = rule.variantWidths.filter((w) => w < display);
  const [main, kept, ...variants] = await Promise.all([
    webp(display, 82),
    original === 'jpeg' ? pixels().jpeg({ quality: 85 }).toBuffer() : pixels().png().toBuffer(),
    ...smaller.map((w) => webp(w, 80)),
  ]);
  const mainKey = `${base}.webp`;
  return {
    mainKey,
    objects: [
      { key: mainKey, body: main, contentType: 'image/webp' },
      { key: `${base}.${original === 'jpeg' ? 'jpg' : 'png'}`, body: kept, contentType: `image/${original}` },
      ...variants.map((body, i) => ({ key: `${base}-${smaller[i]}.webp`, body, contentType: 'image/webp' })),
    ],
  };
}
