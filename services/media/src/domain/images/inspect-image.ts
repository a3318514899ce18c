import sharp, { type Metadata } from 'sharp';
import { imageTooLarge, notAnImage, wrongAspectRatio } from '../../errors.js';
import { MAX_PIXELS, RATIO_TOLERANCE, type UploadRule } from './upload-rules.js';

/** Formats we take; anything else sharp could read (SVG, TIFF, HEIF…) is "not an image" as upstream. */
const ACCEPTED = new Set(['jpeg', 'png', 'gif', 'webp']);

export interface ImageInfo {
  format: 'jpeg' | 'png' | 'gif' | 'webp';
  /** As shown, after the EXIF orientation is applied. */
  width: number;
  height: number;
}

/**
 * What the bytes are, read from their header (never the file name or the client's content type), and
 * the checks that need no decoding: format, pixel count (a bomb is refused here), aspect ratio.
 */
export async function inspectImage(bytes: Buffer, rule: UploadRule): Promise<ImageInfo> {
  if (bytes.length === 0) throw notAnImage(rule.kind);
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'truncated', limitInputPixels: false }).metadata();
  } catch {
    throw notAnImage(rule.kind);
  }
  const { format, width, height } = meta;
  if (!format || !ACCEPTED.has(format) || !width || !height) throw notAnImage(rule.kind);
  if (width * height > MAX_PIXELS) throw imageTooLarge(rule.kind);
  const turned = (meta.orientation ?? 1) >= 5;
  const shown = turned ? { width: height, height: width } : { width, height };
  if (rule.ratio !== undefined) {
    const ratio = shown.width / shown.height;
    if (Math.abs(ratio - rule.ratio) / rule.ratio > RATIO_TOLERANCE) throw wrongAspectRatio(rule.kind);
  }
  return { format: format as ImageInfo['format'], ...shown };
}
