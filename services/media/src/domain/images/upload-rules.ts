import type { ImageKind } from '../../errors.js';

export type Purpose = 'logo' | 'banner' | 'gallery';

export interface UploadRule {
  purpose: Purpose;
  /** How upstream's messages name it. */
  kind: ImageKind;
  /** The multipart file field upstream's web client sends it in. */
  field: string;
  /** Upstream's limits: logo 2 MiB, banner 10 MiB, gallery 2 MiB. */
  maxBytes: number;
  /** Width / height required, within RATIO_TOLERANCE; none for gallery pictures. */
  ratio?: number;
  /**
   * The answered WebP is at most this wide: wider than it is ever shown (at twice the CSS pixels of
   * upstream's pages), and encoding WebP is most of an upload's cost, growing with the pixel count.
   * The full resolution is kept in the original's format.
   */
  displayWidth: number;
  /** Widths of the smaller WebP copies (never wider than the answered one). */
  variantWidths: number[];
}

const MiB = 1024 * 1024;

/** Relative: 5 % of the required ratio (upstream compared an absolute 0.05, stricter for banners). */
export const RATIO_TOLERANCE = 0.05;
/** Decoding more pixels than this is refused before any pixel is decoded (decompression bombs). */
export const MAX_PIXELS = 40_000_000;
/** Upstream's model capped a club's gallery at 5 pictures. */
export const GALLERY_LIMIT = 5;

export const uploadRules: Record<Purpose, UploadRule> = {
  logo: {
    purpose: 'logo',
    kind: 'logo',
    field: 'logo',
    maxBytes: 2 * MiB,
    ratio: 1,
    displayWidth: 512,
    variantWidths: [128],
  },
  banner: {
    purpose: 'banner',
    kind: 'banner',
    field: 'banner',
    maxBytes: 10 * MiB,
    ratio: 10 / 3,
    displayWidth: 2048,
    variantWidths: [800, 1600],
  },
  gallery: {
    purpose: 'gallery',
    kind: 'gallery picture',
    field: 'photo',
    maxBytes: 2 * MiB,
    displayWidth: 1600,
    variantWidths: [400, 1200],
  },
};
