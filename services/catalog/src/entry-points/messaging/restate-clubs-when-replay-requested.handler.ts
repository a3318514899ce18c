import { ReadModelReplayRequestedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { restateClubs } from '../../domain/clubs/restate-clubs.js';

/** A consumer rebuilds its read models: the catalog states every club and the tag set again. */
export const restateClubsWhenReplayRequested = (outbox: Outbox) =>
  on(ReadModelReplayRequestedV1, (_event, tx) => restateClubs(tx, outbox));
