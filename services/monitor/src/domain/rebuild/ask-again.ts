import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { replayRequests } from '../../data-access/replay-requests.js';
import { waitingFor } from './replay-owners.js';

/**
 * Re-sends the newest replay request to the owners that have not answered it, once `retryMs` has
 * passed since it last went out. On RabbitMQ a request published before an owner bound its queue (all
 * services starting at once), or while it was down and its queue not yet declared, reaches nobody;
 * without this the read models stayed empty until an admin rebuilt them. The same replay id, without a
 * new drop: what the others already restated stays. Resolves the owners asked, if any.
 */
export const askAgainUnanswered = (outbox: Outbox, now: Date, retryMs: number) =>
  outbox.transaction(async (tx) => {
    const requests = replayRequests(tx);
    const replay = await requests.latest({ lock: true });
    if (!replay) return [];
    const owners = waitingFor(replay.answered);
    if (owners.length === 0 || now.getTime() - replay.lastAskedAt.getTime() < retryMs) return [];
    await requests.askedAgain(replay.replayId, now);
    await outbox.append(tx, [
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId: replay.replayId, requestedBy: 'monitor', owners: [...owners] },
        'monitor',
      ),
    ]);
    return owners;
  });
