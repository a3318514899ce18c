import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { idSchema } from './shared-fields.js';

/** Where a stored image is shown: the club's logo, its banner, or one picture of its gallery. */
export const imagePurposes = ['logo', 'banner', 'gallery'] as const;

/**
 * The media service stored an image for a club (after checking its type, size and the gallery's room),
 * or changed a stored picture's caption; the catalog shows it. `imageId` is the gallery picture's id:
 * the catalog upserts by it, so a redelivery adds nothing twice and a caption edit updates the picture.
 */
export const ImageStoredV1 = defineEvent(
  'ImageStored',
  1,
  z.object({
    imageId: z.uuid(),
    clubId: idSchema,
    purpose: z.enum(imagePurposes),
    url: z.url({ protocol: /^https?$/ }).max(2048),
    /** The object's key in the store, kept with gallery pictures so that deleting one can remove it. */
    objectKey: z.string().min(1).max(1024),
    /** Gallery pictures only (upstream's limit: 50 characters). */
    caption: z.string().max(50).default(''),
    /** Gallery pictures only: the picture this one takes the place of (and the position of). */
    replaces: z.uuid().optional(),
  }),
  // A club's logo (or banner) is replaced by the newest one stored; each gallery picture is its own
  // (its caption edits are newer versions of it).
  {
    aggregate: {
      effect: 'state',
      of: (data) =>
        data.purpose === 'gallery'
          ? { type: 'gallery-image', id: data.imageId }
          : { type: `club-${data.purpose}`, id: data.clubId },
    },
  },
);
