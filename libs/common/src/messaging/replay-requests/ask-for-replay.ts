import { randomUUID } from 'node:crypto';
import type { DbOrTx, Tx } from '../../db/database.js';
import { ReadModelReplayRequestedV1 } from '../../events/contracts/read-model-replay.js';
import { makeEvent } from '../../events/make-event.js';
import type { Outbox } from '../outbox.js';
import type { ReplayLedger } from './replay-ledger.js';

/** A service that asks the owning services to restate their state (see docs/architecture.md, "Rebuilding read models"). */
export interface ReplayAsker {
  /** The requests' `requestedBy` and source. */
  service: string;
  /** Its ledger (`replayLedger` on its `replayTables`). */
  ledger: (db: DbOrTx) => ReplayLedger;
  /** The owners whose answers it waits for: re-sends go to those that have not answered. */
  owners: readonly string[];
  /**
   * Whether a new request names `owners`. Off, it names none and every owner restates (the monitor,
   * whose rebuild drops everything they hold); re-sends always name the owners still waited for.
   */
  namesOwners: boolean;
  /** Done in the request's transaction before it is recorded (the monitor drops its read models). */
  beforeAsking?: (tx: Tx) => Promise<void>;
}

/** Owners a replay still waits for, given those that answered it. */
export const waitingFor = <Owner extends string>(owners: readonly Owner[], answered: readonly string[]) =>
  owners.filter((owner) => !answered.includes(owner));

/** How long after its n-th sending a request goes out again: `firstMs`, doubling, at most `maxMs`. */
export const waitAfterAsk = (asks: number, firstMs: number, maxMs: number) =>
  Math.min(firstMs * 2 ** Math.min(asks - 1, 30), Math.max(firstMs, maxMs));

const request = (asker: ReplayAsker, replayId: string, owners?: readonly string[]) =>
  makeEvent(
    ReadModelReplayRequestedV1,
    { replayId, requestedBy: asker.service, ...(owners ? { owners: [...owners] } : {}) },
    asker.service,
  );

/**
 * Inside an open transaction: records a new replay and appends its request to the outbox, so the
 * request leaves only with what `beforeAsking` did. Resolves the replay id.
 */
export async function askForReplay(tx: Tx, outbox: Outbox, now: Date, asker: ReplayAsker) {
  const replayId = randomUUID();
  await asker.beforeAsking?.(tx);
  await asker.ledger(tx).record(replayId, now);
  await outbox.append(tx, [request(asker, replayId, asker.namesOwners ? asker.owners : undefined)]);
  return replayId;
}

/**
 * A first start (no replay recorded) asks: events from before the service's queue existed never
 * reached it. Replicas starting together ask once: the lock makes the second find the first's record.
 * Resolves the replay id, or undefined when one was asked for before.
 */
export const requestReplayOnFirstStart = (outbox: Outbox, now: Date, asker: ReplayAsker) =>
  outbox.transaction(async (tx) => {
    const ledger = asker.ledger(tx);
    await ledger.lockFirstStart();
    return (await ledger.any()) ? undefined : askForReplay(tx, outbox, now, asker);
  });

/**
 * Re-sends the newest replay's request to the owners that have not answered it, once its wait since
 * it last went out has passed. On RabbitMQ a request published before an owner bound its queue (every
 * service starting at once), or while it was down and its queue not yet declared, reaches nobody.
 * The same replay id, and nothing done again (no new drop): what the others already restated stays.
 * Resolves the owners asked, if any.
 */
export const askAgainUnanswered = (
  outbox: Outbox,
  now: Date,
  retry: { firstMs: number; maxMs: number },
  asker: ReplayAsker,
) =>
  outbox.transaction(async (tx) => {
    const ledger = asker.ledger(tx);
    const replay = await ledger.latest({ lock: true });
    if (!replay) return [];
    const owners = waitingFor(asker.owners, replay.answered);
    const due = replay.lastAskedAt.getTime() + waitAfterAsk(replay.asks, retry.firstMs, retry.maxMs);
    if (owners.length === 0 || now.getTime() < due) return [];
    await ledger.askedAgain(replay.replayId, now);
    await outbox.append(tx, [request(asker, replay.replayId, owners)]);
    return owners;
  });
