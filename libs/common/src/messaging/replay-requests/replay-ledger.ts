import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.js';
import type { ReplayTables } from './replay-tables.js';

/**
 * The replays one service asked for, and which owners answered them, on its `replayTables`.
 * `service` names its first-start lock (`<service>.first-start-replay`).
 */
export const replayLedger =
  ({ replays, replayAnswers }: ReplayTables, service: string) =>
  (db: DbOrTx) => ({
    /** Held until the transaction ends: one replica at a time decides whether this is a first start. */
    async lockFirstStart() {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`${service}.first-start-replay`}::text))`);
    },

    async any() {
      const [row] = await db.select({ id: replays.replayId }).from(replays).limit(1);
      return Boolean(row);
    },

    /** A request that goes out now; `requested_at` is left to the database's clock (see replay-tables.ts). */
    async record(replayId: string, askedAt: Date) {
      await db.insert(replays).values({ replayId, lastAskedAt: askedAt });
    },

    /**
     * The newest replay (an older one is superseded: the asker no longer re-sends it), with the owners
     * that answered it. `lock` holds its row until the transaction ends, so replicas ticking together
     * re-send it once.
     */
    async latest(options: { lock?: boolean } = {}) {
      const query = db
        .select({
          replayId: replays.replayId,
          requestedAt: replays.requestedAt,
          lastAskedAt: replays.lastAskedAt,
          asks: replays.asks,
        })
        .from(replays)
        .orderBy(desc(replays.requestedAt))
        .limit(1);
      const [replay] = await (options.lock ? query.for('update') : query);
      if (!replay) return undefined;
      const answers = await db
        .select({ service: replayAnswers.service })
        .from(replayAnswers)
        .where(eq(replayAnswers.replayId, replay.replayId));
      return { ...replay, answered: answers.map((answer) => answer.service) };
    },

    async askedAgain(replayId: string, at: Date) {
      await db
        .update(replays)
        .set({ lastAskedAt: at, asks: sql`${replays.asks} + 1` })
        .where(eq(replays.replayId, replayId));
    },

    /**
     * An owner's answer to one of this service's replays; one to a replay it did not ask for (another
     * service's: every asker receives every ReadModelReplayed), or a repeat, changes nothing.
     */
    async answered(replayId: string, service: string) {
      await db.execute(sql`
        insert into ${replayAnswers} (replay_id, service)
        select ${replayId}::uuid, ${service}::text
        where exists (select 1 from ${replays} where replay_id = ${replayId}::uuid)
        on conflict do nothing`);
    },
  });

export type ReplayLedger = ReturnType<ReturnType<typeof replayLedger>>;
