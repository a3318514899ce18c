import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { replayRequests } from '../../data-access/replay-requests.js';
import { waitingFor } from './replay-owners.js';

/** How long after its n-th sending a request goes out again: `firstMs`, doubling, at most `maxMs`. */
export const waitAfterAsk = (asks: number, firstMs: number, maxMs: number) =>
  Math.min(firstMs * 2 ** Math.min(asks - 1, 30), Math.max(firstMs, maxMs));

/**
 * Re-sends the newest replay request to the owners that have not answered it, once its wait since it
 * last went out has passed. On RabbitMQ a request published before an owner bound its queue (all
 * services starting at once), or while it was down and its queue not yet declared, reaches nobody;
 * without this the read models stayed empty until an admin rebuilt them. The same replay id, without a
 * new drop: what the others already restated stays. Resolves the owners asked, if any.
 */
export const askAgainUnanswered = (outbox: Outbox, now: Date, retry: { firstMs: number; maxMs: number }) =>
  outbox.transaction(async (tx) => {
    const requests = replayRequests(tx);
    const replay = await requests.latest({ lock: true });
    if (!replay) return [];
    const owners = waitingFor(replay.answered);
    const due = replay.lastAskedAt.getTime() + waitAfterAsk(replay.asks, retry.firstMs, retry.maxMs);
    if (owners.length === 0 || now.getTime() < due) return [];
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
