import type { PGlite } from '@electric-sql/pglite';
import type { EventEnvelope } from '../events/envelope.js';
import { batchLimit, type SubscriptionSpec } from './event-bus.js';

/**
 * Queues and bindings live in the `bus` schema of the embedded PGlite, next to the services' outboxes.
 * Bindings are stored too: after a restart, events relayed before their consumer has subscribed again
 * still reach its queue, as with RabbitMQ's durable bindings.
 */
export const SCHEMA = `
  create schema if not exists bus;
  create table if not exists bus.bindings (
    queue text not null,
    pattern text not null,
    primary key (queue, pattern)
  );
  create table if not exists bus.messages (
    id bigserial primary key,
    queue text not null,
    routing_key text not null,
    body jsonb not null,
    attempt integer not null default 1,
    available_at bigint not null default 0,
    error text,
    dead_at timestamptz
  );
  create index if not exists messages_ready_idx on bus.messages (queue, id) where dead_at is null;
`;

/** One copy of an event for one queue, as the enqueue statement takes them (a JSON array, one parameter). */
export interface Copy {
  q: string;
  k: string;
  b: EventEnvelope;
}

export const ENQUEUE = `insert into bus.messages (queue, routing_key, body)
  select x->>'q', x->>'k', x->'b' from jsonb_array_elements($1::jsonb) with ordinality as t(x, n) order by n`;

/** A queued message as a queue reads it. */
export interface Row {
  id: string | number;
  routing_key: string;
  body: unknown;
  attempt: number;
}

/** Deletes the acknowledged rows and reads the queue's next ready ones, oldest first, in one statement. */
export async function readReady(client: PGlite, spec: SubscriptionSpec, acked: number[]): Promise<Row[]> {
  const { rows } = await client.query<Row>(
    `with acked as (
       delete from bus.messages where id in (select jsonb_array_elements_text($4::jsonb)::bigint))
     select id, routing_key, body, attempt from bus.messages
     where queue = $1 and dead_at is null and available_at <= $2
       and id not in (select jsonb_array_elements_text($4::jsonb)::bigint)
     order by id limit $3`,
    [spec.queue, Date.now(), batchLimit(spec, 100), JSON.stringify(acked)],
  );
  return rows;
}

export async function deleteRows(client: PGlite, ids: number[]): Promise<void> {
  await client.query(
    'delete from bus.messages where id in (select jsonb_array_elements_text($1::jsonb)::bigint)',
    [JSON.stringify(ids)],
  );
}
