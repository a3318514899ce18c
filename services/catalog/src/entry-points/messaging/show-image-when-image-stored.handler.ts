import { ImageStoredV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { showStoredImage } from '../../domain/gallery/show-stored-image.js';

/** A logo, banner or gallery picture the media service stored appears on the club's page. */
export const showImageWhenImageStored = (outbox: Outbox) =>
  on(ImageStoredV1, async (event, tx) => {
    await showStoredImage(tx, outbox, event.data);
  });
