import { z } from 'zod';
import type { Image } from '../../data-access/image-repository.js';

/** Upstream's `GalleryMedia.GalleryPic`, as the catalog renders it on the club's pages. */
export const galleryItemView = (image: Image) => ({
  _cls: 'GalleryMedia.GalleryPic',
  id: image.id,
  type: 'picture',
  url: image.url,
  caption: image.caption,
});

export const galleryItemAnswer = z
  .object({
    _cls: z.literal('GalleryMedia.GalleryPic'),
    id: z.string(),
    type: z.literal('picture'),
    url: z.string(),
    caption: z.string(),
  })
  .meta({ id: 'GalleryItem' });

export const galleryAnswer = { 200: { description: 'Gallery', schema: z.array(galleryItemAnswer) } };

/** Upstream: the caption field must be present (it may be empty), at most 50 characters. */
export const captionBody = z.strictObject({ caption: z.string().trim().max(50) });

/**
 * An edit's caption is optional: absent keeps the current one. Upstream's form path turned an absent
 * field into None and refused it ("null value not allowed", spec §6.1 #18), so a new photo alone failed.
 */
export const editBody = z.strictObject({ caption: captionBody.shape.caption.optional() });

/** `:id` in paths: bounded, so a hostile path is a plain 4xx; what it names is the domain's business. */
export const idParams = z.object({ id: z.string().min(1).max(200) });
