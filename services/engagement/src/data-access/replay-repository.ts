import type { DbOrTx } from '@sproul/common/db';
import { desc, eq, sql } from 'drizzle-orm';
import { replayAnswers, replays } from './schema.js';

/** The replays engagement asked for, and which owners answered them. */
export const replayRepository = (db: DbOrTx) => ({
  /** Held until the transaction ends: one replica at a time decides whether this is a first start. */
  async lockFirstStart() {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('engagement.first-start-replay'))`);
  },
  async any() {
    const [row] = await db.select({ id: replays.replayId }).from(replays).limit(1);
    return Boolean(row);
  },
  async record(replayId: string, askedAt: Date) {
    await db.insert(replays).values({ replayId, requestedAt: askedAt, lastAskedAt: askedAt });
  },
  /** The newest replay with the owners that answered it; `lock` holds its row, so replicas re-send it once. */
  async latest(options: { lock?: boolean } = {}) {
    const query = db
      .select({ replayId: replays.replayId, lastAskedAt: replays.lastAskedAt, asks: replays.asks })
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
  /** An owner's answer; one to another service's replay (the monitor's), or a repeat, changes nothing. */
  async answered(replayId: string, service: string) {
    await db.execute(sql`
      insert into ${replayAnswers} (replay_id, service)
      select ${replayId}::uuid, ${service}::text
      where exists (select 1 from ${replays} where replay_id = ${replayId}::uuid)
      on conflict do nothing`);
  },
});
