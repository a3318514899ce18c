import { sql } from 'drizzle-orm';
import { integer, type PgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The replays a consumer asked the owning services for (ReadModelReplayRequested), and which owners
 * answered each (ReadModelReplayed). A row in `replays` also means "already asked": a restart, or a
 * second replica, does not ask again on its first start. Each service that asks declares them in its
 * own schema: `export const { replays, replayAnswers } = replayTables(schema)`.
 */
export function replayTables(schema: PgSchema) {
  const replays = schema.table('replays', {
    replayId: uuid('replay_id').primaryKey(),
    /** By the database's clock: orders replays (the newest is the one re-sent) even under a frozen service clock. */
    requestedAt: timestamptz('requested_at').notNull().default(sql`now()`),
    /** When the request last went out (by the service's clock): re-sends back off from it. */
    lastAskedAt: timestamptz('last_asked_at').notNull().default(sql`now()`),
    /** How many times it went out: each re-send waits twice as long as the one before (see ask-for-replay.ts). */
    asks: integer('asks').notNull().default(1),
  });
  /** Owners that finished answering a replay: re-sends stop once all it waits for have. */
  const replayAnswers = schema.table(
    'replay_answers',
    {
      replayId: uuid('replay_id')
        .notNull()
        .references(() => replays.replayId, { onDelete: 'cascade' }),
      service: text('service').notNull(),
      answeredAt: timestamptz('answered_at').notNull().default(sql`now()`),
    },
    (t) => [primaryKey({ columns: [t.replayId, t.service] })],
  );
  return { replays, replayAnswers };
}

export type ReplayTables = ReturnType<typeof replayTables>;
