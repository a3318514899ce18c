import {
  makeEvent,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  replayAsks,
} from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { restateClubs } from '../../domain/clubs/restate-clubs.js';

/**
 * A consumer rebuilds its read models: the catalog states every club and the tag set again, then says
 * it is done (after them in the outbox), so the asker stops re-sending the request.
 */
export const restateClubsWhenReplayRequested = (outbox: Outbox) =>
  on(ReadModelReplayRequestedV1, async ({ data }, tx) => {
    if (!replayAsks(data, 'catalog')) return;
    await restateClubs(tx, outbox);
    await outbox.append(tx, [
      makeEvent(ReadModelReplayedV1, { replayId: data.replayId, service: 'catalog' }, 'catalog'),
    ]);
  });
