import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.js';
import type { AggregateKey } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';
import type { AggregateVersionsTable, OutboxTable } from './messaging-tables.js';

/** An event on its way into the outbox, with the aggregate its contract says it is about. */
export interface PendingEvent {
  envelope: EventEnvelope;
  aggregate?: AggregateKey;
}

/**
 * Writes outbox rows and numbers the events about an aggregate, in one statement: the aggregate's
 * counter row is bumped by the number of its events (`insert … on conflict do update`), and each event
 * gets its version, in append order, into its envelope (`aggregate: {type, id, version}`).
 *
 * The bump locks the counter row until the transaction ends, so a concurrent transaction on the same
 * aggregate waits and then numbers after it: no two events of an aggregate share a version, and
 * versions follow commit order. (Producers lock the aggregate's own row before they change it, which
 * orders the changes the same way.) One statement keeps the outbox's round trips: on a server it is still
 * sent with COMMIT.
 */
export function versionedInsert(
  tx: DbOrTx,
  table: OutboxTable,
  versions: AggregateVersionsTable,
  pending: PendingEvent[],
): Promise<unknown> {
  // Events per aggregate in this statement, and how many of them come after each event.
  const counts = new Map<string, { key: AggregateKey; n: number }>();
  const slot = (key: AggregateKey) => JSON.stringify([key.type, key.id]);
  for (const { aggregate } of pending) {
    if (!aggregate) continue;
    const entry = counts.get(slot(aggregate)) ?? { key: aggregate, n: 0 };
    entry.n += 1;
    counts.set(slot(aggregate), entry);
  }
  const seen = new Map<string, number>();
  const rows: SQL[] = pending.map(({ envelope, aggregate }, ord) => {
    if (!aggregate) {
      return sql`(${ord}::int, ${envelope.id}::uuid, ${envelope.type}::text, ${envelope.version}::int, ${JSON.stringify(envelope)}::jsonb, null::text, null::text, 0::bigint)`;
    }
    const nth = (seen.get(slot(aggregate)) ?? 0) + 1;
    seen.set(slot(aggregate), nth);
    const behind = counts.get(slot(aggregate))!.n - nth;
    // The version is a placeholder until the statement knows the counter; jsonb_set replaces it.
    const payload = { ...envelope, aggregate: { type: aggregate.type, id: aggregate.id, version: 0 } };
    return sql`(${ord}::int, ${envelope.id}::uuid, ${envelope.type}::text, ${envelope.version}::int, ${JSON.stringify(payload)}::jsonb, ${aggregate.type}::text, ${aggregate.id}::text, ${behind}::bigint)`;
  });
  const wanted = [...counts.values()].map(
    ({ key, n }) => sql`(${key.type}::text, ${key.id}::text, ${n}::bigint)`,
  );
  return tx
    .execute(
      sql`with wanted (aggregate_type, aggregate_id, n) as (values ${sql.join(wanted, sql`, `)}),
      bumped as (
        insert into ${versions} as v (aggregate_type, aggregate_id, version)
        select aggregate_type, aggregate_id, n from wanted
        on conflict (aggregate_type, aggregate_id) do update set version = v.version + excluded.version
        returning v.aggregate_type, v.aggregate_id, v.version
      )
      insert into ${table} (event_id, type, version, payload)
      select e.event_id, e.type, e.version,
        case when b.version is null then e.payload
        else jsonb_set(e.payload, '{aggregate,version}', to_jsonb(b.version - e.behind)) end
      from (values ${sql.join(rows, sql`, `)})
        as e (ord, event_id, type, version, payload, aggregate_type, aggregate_id, behind)
      left join bumped b on b.aggregate_type = e.aggregate_type and b.aggregate_id = e.aggregate_id
      order by e.ord`,
    )
    .then((result) => result);
}
