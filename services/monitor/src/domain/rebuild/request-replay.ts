import { randomUUID } from 'node:crypto';
import type { Tx } from '@sproul/common/db';
import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { replayRequests } from '../../data-access/replay-requests.js';

/**
 * Drops the read models that the owning services can state again (accounts, RSO list, clubs, tags,
 * images)
 * and asks them to (ReadModelReplayRequested), in one transaction: the request leaves only with the
 * drop. Activity and search counts are kept: they are a log of what happened, which no service holds.
 * Events already on their way still apply in version order against what the replay brings.
 */
async function dropAndAsk(tx: Tx, outbox: Outbox, now: Date) {
  const replayId = randomUUID();
  await replayRequests(tx).dropRestatable(replayId, now);
  await outbox.append(tx, [
    makeEvent(ReadModelReplayRequestedV1, { replayId, requestedBy: 'monitor' }, 'monitor'),
  ]);
  return replayId;
}

export const requestReplay = (outbox: Outbox, now: Date) =>
  outbox.transaction((tx) => dropAndAsk(tx, outbox, now));

/**
 * A first start asks for the owning services' state: events from before the monitor existed are not on
 * its queue. Replicas starting together ask once (the lock makes the second find the first's request).
 */
export const requestReplayOnFirstStart = (outbox: Outbox, now: Date) =>
  outbox.transaction(async (tx) => {
    const requests = replayRequests(tx);
    await requests.lockFirstStart();
    return (await requests.any()) ? undefined : dropAndAsk(tx, outbox, now);
  });
