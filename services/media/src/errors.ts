import { AppError } from '@sproul/common/errors';

// The media service's errors, by name: reasons are upstream's where upstream had one (its web client
// shows them), with the image kind named as upstream names it.

/** What upstream called each upload in its messages. */
export type ImageKind = 'logo' | 'banner' | 'gallery picture';

export const noClubForAccount = () =>
  new AppError('CATALOG.CLUB_NOT_FOUND', 404, 'No club belongs to this account (yet)');

export const imageMissing = (kind: ImageKind) =>
  new AppError('MEDIA.IMAGE_MISSING', 400, `A ${kind} was not provided for uploading.`);

export const notAnImage = (kind: ImageKind) =>
  new AppError('MEDIA.NOT_AN_IMAGE', 400, `The provided ${kind} is not an image.`, { image_type: kind });

export const imageTooLarge = (kind: ImageKind) =>
  new AppError('MEDIA.IMAGE_TOO_LARGE', 400, `The provided ${kind} is too large.`);

export const wrongAspectRatio = (kind: ImageKind) =>
  new AppError(
    'MEDIA.ASPECT_RATIO',
    400,
    `The provided ${kind}'s aspect ratio deviates too far from the required ratio.`,
  );

export const tooManyFiles = () => new AppError('MEDIA.TOO_MANY_FILES', 400, 'Send one file per request.');

export const malformedForm = () => new AppError('REQUEST.INVALID', 400, 'Malformed multipart/form-data body');

/** Upstream answered an unknown gallery picture with a 400, and this reason. */
export const galleryPictureNotFound = () =>
  new AppError('CATALOG.ITEM_NOT_FOUND', 400, 'Specified gallery picture does not exist.');

/** Upstream's model capped the gallery at 5 (and answered a sixth with a 500, after the upload). */
export const galleryFull = (limit: number) =>
  new AppError('CATALOG.LIST_FULL', 409, `A club can have at most ${limit} gallery media`, { limit });

export const documentTooLarge = (limit: number) =>
  new AppError('MEDIA.DOCUMENT_TOO_LARGE', 400, `A document can be at most ${limit} bytes.`, { limit });
