import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { imagePurposes } from './image-stored.js';
import { idSchema } from './shared-fields.js';

/**
 * The media service removed a stored image (a gallery picture deleted, or replaced by another): the
 * catalog stops showing it. It ends the picture's aggregate, so a late caption edit never brings it back.
 */
export const ImageDeletedV1 = defineEvent(
  'ImageDeleted',
  1,
  z.object({ imageId: z.uuid(), clubId: idSchema, purpose: z.enum(imagePurposes) }),
  {
    aggregate: {
      effect: 'end',
      // A gallery picture's own aggregate (ImageStored's); logos and banners are never deleted alone.
      of: (data) => ({
        type: data.purpose === 'gallery' ? 'gallery-image' : `${data.purpose}-image`,
        id: data.imageId,
      }),
    },
  },
);
