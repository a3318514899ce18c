import type { PGlite } from '@electric-sql/pglite';
import type { DeadLetter } from './event-bus.js';

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
