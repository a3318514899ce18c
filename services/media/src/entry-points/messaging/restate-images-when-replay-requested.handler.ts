import { ReadModelReplayRequestedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { restateImages } from '../../domain/images/restate-images.js';

/** A consumer rebuilds its read models: media states every live image again. */
export const restateImagesWhenReplayRequested = (outbox: Outbox) =>
  on(ReadModelReplayRequestedV1, (_event, tx) => restateImages(tx, outbox));
