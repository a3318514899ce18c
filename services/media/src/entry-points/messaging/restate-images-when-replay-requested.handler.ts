import {
  makeEvent,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  replayAsks,
} from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { restateImages } from '../../domain/images/restate-images.js';

/**
 * A consumer rebuilds its read models: media states every live image again, then says it is done
 * (after them in the outbox), so the asker stops re-sending the request.
 */
export const restateImagesWhenReplayRequested = (outbox: Outbox) =>
  on(ReadModelReplayRequestedV1, async ({ data }, tx) => {
    if (!replayAsks(data, 'media')) return;
    await restateImages(tx, outbox);
    await outbox.append(tx, [
      makeEvent(ReadModelReplayedV1, { replayId: data.replayId, service: 'media' }, 'media'),
    ]);
  });
