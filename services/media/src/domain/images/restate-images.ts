import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { imageRepository } from '../../data-access/image-repository.js';
import { imageStored } from './image-events.js';

/** Rows read per statement while restating. */
const PAGE = 500;

/**
 * Answers a read-model replay in the caller's transaction: every live image as an ImageStored (a
 * snapshot of its aggregate). The catalog reads ImageStored too and finds nothing to change for an
 * image it already shows (no write, no ClubUpdated); one it missed, it shows.
 */
export async function restateImages(tx: Tx, outbox: Outbox) {
  const images = imageRepository(tx);
  let afterId: string | undefined;
  for (;;) {
    const page = await images.livePage(afterId, PAGE);
    if (page.length === 0) break;
    await outbox.append(
      tx,
      page.map((image) => imageStored(image)),
    );
    afterId = page.at(-1)?.id;
  }
}
