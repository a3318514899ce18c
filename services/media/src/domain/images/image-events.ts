import { ImageDeletedV1, ImageStoredV1, makeEvent } from '@sproul/common/events';
import type { Image } from '../../data-access/image-repository.js';

/** The catalog shows an image from this (again, with its new caption, on an edit). */
export const imageStored = (image: Image, replaces?: string) =>
  makeEvent(
    ImageStoredV1,
    {
      imageId: image.id,
      clubId: image.clubId,
      purpose: image.purpose,
      url: image.url,
      objectKey: image.mainKey,
      caption: image.caption,
      ...(replaces ? { replaces } : {}),
    },
    'media',
  );

export const imageDeleted = (image: Image) =>
  makeEvent(ImageDeletedV1, { imageId: image.id, clubId: image.clubId, purpose: image.purpose }, 'media');
