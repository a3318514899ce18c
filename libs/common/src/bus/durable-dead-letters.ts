import type { PGlite } from '@electric-sql/pglite';
import type { DeadLetter, QueueDepth } from './event-bus.js';

/** Each queue's waiting and dead rows (one scan of the named queues). */
export async function queueDepths(client: PGlite, queues: string[]): Promise<QueueDepth[]> {
  const { rows } = await client.query<{ queue: string; waiting: number; dead: number }>(
    `select queue, (count(*) filter (where dead_at is null))::int as waiting,
            (count(*) filter (where dead_at is not null))::int as dead
       from bus.messages where queue = any($1) group by queue`,
    [queues],
  );
  const byQueue = new Map(rows.map((row) => [row.queue, row]));
  return queues.map((queue) => ({
    queue,
    waiting: byQueue.get(queue)?.waiting ?? 0,
    dead: byQueue.get(queue)?.dead ?? 0,
  }));
}

/** Turns up to `max` dead rows of a queue, oldest first, back into first deliveries due now. */
export async function replayDeadLetters(client: PGlite, queue: string, max: number): Promise<number> {
  const { affectedRows } = await client.query(
    `update bus.messages set dead_at = null, error = null, attempt = 1, available_at = 0 where id in (
       select id from bus.messages where queue = $1 and dead_at is not null order by id limit $2)`,
    [queue, max],
  );
  return affectedRows ?? 0;
}

/** Removes up to `max` dead rows of a queue and returns them, oldest first. */
export async function takeDeadLetters(client: PGlite, queue: string, max: number): Promise<DeadLetter[]> {
  const { rows } = await client.query<{
    routing_key: string;
    body: unknown;
    attempt: number;
    error: string | null;
    dead_at: Date;
  }>(
    `delete from bus.messages where id in (
       select id from bus.messages where queue = $1 and dead_at is not null order by id limit $2)
     returning routing_key, body, attempt, error, dead_at`,
    [queue, max],
  );
  return rows.map((row) => ({
    body: row.body,
    routingKey: row.routing_key,
    error: row.error ?? '',
    attempts: row.attempt,
    deadAt: new Date(row.dead_at).toISOString(),
  }));
}
