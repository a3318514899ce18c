import type { DbOrTx } from '@sproul/common/db';
import { replayLedger } from '@sproul/common/messaging';
import { accounts, clubImages, clubs, replayAnswers, replays, rsoEmails, tags } from './schema.js';

/** The replays this monitor asked for, and which owners answered them: the shared ledger on its tables. */
export const replayRequests = replayLedger({ replays, replayAnswers }, 'monitor');

/** Empties the read models a replay restates (in the request's transaction: see request-replay.ts). */
export async function dropRestatable(db: DbOrTx) {
  for (const table of [accounts, rsoEmails, clubs, clubImages, tags]) await db.delete(table);
}
