import { randomUUID } from 'node:crypto';
import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { replayRequests } from '../../data-access/replay-requests.js';

/**
 * Drops the read models that the owning services can state again (accounts, RSO list, clubs, tags)
 * and asks them to (ReadModelReplayRequested), in one transaction: the request leaves only with the
 * drop. Activity and search counts are kept: they are a log of what happened, which no service holds.
 * Events already on their way still apply in version order against what the replay brings.
 */
export async function requestReplay(outbox: Outbox) {
  const replayId = randomUUID();
  await outbox.transaction(async (tx) => {
    await replayRequests(tx).dropRestatable(replayId);
    await outbox.append(tx, [
      makeEvent(ReadModelReplayRequestedV1, { replayId, requestedBy: 'monitor' }, 'monitor'),
    ]);
  });
  return replayId;
}

/** A first start asks for the owning services' state: events from before the monitor existed are not on its queue. */
export async function requestReplayOnFirstStart(outbox: Outbox) {
  const asked = await outbox.transaction((tx) => replayRequests(tx).any());
  return asked ? undefined : requestReplay(outbox);
}
