import { ImageDeletedV1, ImageStoredV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { imageWrites } from '../../data-access/image-writes.js';

/** The club images read model from the media service's events (a replay restates them as ImageStored). */
export const keepImagesWhenImageChanged = [
  on(ImageStoredV1, ({ data }, tx) => imageWrites(tx).stored(data)),
  on(ImageDeletedV1, ({ data }, tx) => imageWrites(tx).deleted(data.imageId)),
];
