import {
  makeEvent,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  replaysAsking,
} from '@sproul/common/events';
import { type Outbox, onBatch } from '@sproul/common/messaging';
import { restateImages } from '../../domain/images/restate-images.js';

/**
 * A consumer rebuilds its read models: media states every live image again, then says it is done
 * (after them in the outbox), so the asker stops re-sending the request. Once per replay in a batch:
 * re-sends that queued up while media was down are one answer.
 */
export const restateImagesWhenReplayRequested = (outbox: Outbox) =>
  onBatch(ReadModelReplayRequestedV1, async (requests, tx) => {
    for (const replayId of replaysAsking(requests, 'media')) {
      await restateImages(tx, outbox);
      await outbox.append(tx, [makeEvent(ReadModelReplayedV1, { replayId, service: 'media' }, 'media')]);
    }
  });
