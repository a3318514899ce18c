import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.js';
import type { EventContract } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';
import type { AppliedVersionsTable } from './messaging-tables.js';

interface Applied {
  version: number;
  ended: boolean;
}

/**
 * Keeps out of a consumer's batch the events that would let an older version of an aggregate
 * overwrite a newer one, and records what the rest leave applied, in the consumer's transaction (so
 * it commits with their effects or not at all). The rules per kind of event are `AggregateEffect`'s:
 * a `state` or `end` event applies only when newer than the last `state`/`end` applied; a `once`
 * event applies unless the aggregate ended at a later version. Events without a version (no aggregate
 * in their contract, or sent before versions existed) always apply, as before.
 *
 * The aggregates' rows are locked first (in a fixed order, so two replicas cannot deadlock): a replica
 * applying v3 and another applying v2 of the same club at once take turns, and v2 then sees v3.
 * Returns the events to apply, in delivery order; the others are handled (acknowledged) with no effect.
 */
export async function keepNewest<T extends { envelope: EventEnvelope; handler: { contract: EventContract } }>(
  tx: Tx,
  table: AppliedVersionsTable,
  consumer: string,
  batch: T[],
): Promise<{ apply: T[]; skipped: T[] }> {
  const slot = (e: EventEnvelope) => JSON.stringify([e.aggregate!.type, e.aggregate!.id]);
  const ordered = batch.filter(({ envelope, handler }) => envelope.aggregate && handler.contract.aggregate);
  if (ordered.length === 0) return { apply: batch, skipped: [] };

  const keys = [...new Map(ordered.map(({ envelope }) => [slot(envelope), envelope.aggregate!])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, aggregate]) => aggregate);
  // Insert the missing rows and lock all of them, reading what they hold, in one round trip.
  const locked = await tx
    .insert(table)
    .values(keys.map((key) => ({ consumer, aggregateType: key.type, aggregateId: key.id, version: 0 })))
    .onConflictDoUpdate({
      target: [table.consumer, table.aggregateType, table.aggregateId],
      set: { consumer: sql`excluded.consumer` },
    })
    .returning();
  const state = new Map<string, Applied>(
    locked.map((row) => [
      JSON.stringify([row.aggregateType, row.aggregateId]),
      { version: row.version, ended: row.ended },
    ]),
  );

  const apply: T[] = [];
  const skipped: T[] = [];
  const moved = new Set<string>();
  for (const one of batch) {
    const { envelope } = one;
    const { contract } = one.handler;
    if (!envelope.aggregate || !contract.aggregate) {
      apply.push(one);
      continue;
    }
    const key = slot(envelope);
    const applied = state.get(key)!;
    const { version } = envelope.aggregate;
    if (contract.aggregate.effect === 'once') {
      if (applied.ended && version < applied.version) skipped.push(one);
      else apply.push(one);
      continue;
    }
    if (version <= applied.version) {
      skipped.push(one);
      continue;
    }
    state.set(key, { version, ended: contract.aggregate.effect === 'end' });
    moved.add(key);
    apply.push(one);
  }
  if (moved.size > 0) {
    await tx
      .insert(table)
      .values(
        [...moved].map((key) => {
          const [aggregateType, aggregateId] = JSON.parse(key) as [string, string];
          return { consumer, aggregateType, aggregateId, ...state.get(key)! };
        }),
      )
      .onConflictDoUpdate({
        target: [table.consumer, table.aggregateType, table.aggregateId],
        set: { version: sql`excluded.version`, ended: sql`excluded.ended` },
      });
  }
  return { apply, skipped };
}
