import { ImageDeletedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { hideDeletedImage } from '../../domain/gallery/hide-deleted-image.js';

/** A gallery picture the media service deleted (or replaced) leaves the club's page. */
export const hideImageWhenImageDeleted = (outbox: Outbox) =>
  on(ImageDeletedV1, async (event, tx) => {
    await hideDeletedImage(tx, outbox, event.data);
  });
