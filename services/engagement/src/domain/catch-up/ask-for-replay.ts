import { randomUUID } from 'node:crypto';
import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { replayRepository } from '../../data-access/replay-repository.js';

/**
 * The owners whose state engagement copies: auth (accounts as AccountSnapshot, club teams as
 * ClubOfficerChanged) and the catalog (clubs as ClubUpdated v2). Only they are asked: media's images
 * are of no use here, and every owner asked restates everything it holds.
 */
export const REPLAY_OWNERS = ['auth', 'catalog'] as const;

const SOURCE = 'engagement';

/** Owners a replay still waits for, given those that answered it. */
export const waitingFor = (answered: readonly string[]) =>
  REPLAY_OWNERS.filter((owner) => !answered.includes(owner));

/** How long after its n-th sending a request goes out again: `firstMs`, doubling, at most `maxMs`. */
export const waitAfterAsk = (asks: number, firstMs: number, maxMs: number) =>
  Math.min(firstMs * 2 ** Math.min(asks - 1, 30), Math.max(firstMs, maxMs));

/**
 * A first start (no replay recorded) asks the owners to restate their state: clubs, teams and people
 * that existed before engagement's queue did never reached it, so their links answered 404 and their
 * officers had no access. Nothing is dropped (the copies are only ever completed by what comes back,
 * in aggregate version order). Replicas starting together ask once: the lock makes the second find the
 * first's record. Resolves the replay id, or undefined when one was asked for before.
 */
export const requestReplayOnFirstStart = (outbox: Outbox, now: Date) =>
  outbox.transaction(async (tx) => {
    const replays = replayRepository(tx);
    await replays.lockFirstStart();
    if (await replays.any()) return undefined;
    const replayId = randomUUID();
    await replays.record(replayId, now);
    await outbox.append(tx, [
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId, requestedBy: SOURCE, owners: [...REPLAY_OWNERS] },
        SOURCE,
      ),
    ]);
    return replayId;
  });

/**
 * Re-sends the replay request to the owners that have not answered, once its wait since it last went
 * out has passed: on RabbitMQ a request published before an owner bound its queue (every service
 * starting at once) reaches nobody. Same replay id, so owners that answered are not asked again.
 * Resolves the owners asked, if any.
 */
export const askAgainUnanswered = (outbox: Outbox, now: Date, retry: { firstMs: number; maxMs: number }) =>
  outbox.transaction(async (tx) => {
    const replays = replayRepository(tx);
    const replay = await replays.latest({ lock: true });
    if (!replay) return [];
    const owners = waitingFor(replay.answered);
    const due = replay.lastAskedAt.getTime() + waitAfterAsk(replay.asks, retry.firstMs, retry.maxMs);
    if (owners.length === 0 || now.getTime() < due) return [];
    await replays.askedAgain(replay.replayId, now);
    await outbox.append(tx, [
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId: replay.replayId, requestedBy: SOURCE, owners: [...owners] },
        SOURCE,
      ),
    ]);
    return owners;
  });
