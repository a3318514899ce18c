import type { Tx } from '@sproul/common/db';
import {
  type BulkEmail,
  type BulkRecipient,
  bulkEmailStore,
  type RecipientKey,
} from '../data-access/bulk-email-repository.js';
import { suppressionList } from '../data-access/suppression-repository.js';
import { type BulkOutcome, publishProgress } from './bulk-progress.js';
import type { MailerContext } from './mailer-context.js';
import { clubCategory } from './store-bulk-email.js';

/** The rate is counted over this window: at most MAIL_BULK_RATE_PER_S claims in any second. */
const WINDOW_MS = 1000;
/** Refused recipients take no share of the rate: the claim looks again, a few times at most. */
const MAX_ROUNDS = 5;

export interface ClaimedBatch {
  recipients: BulkRecipient[];
  jobs: Map<string, BulkEmail>;
}

/**
 * Takes the next recipients to send, for the run `token`, in one committed transaction before any
 * provider call. Claims of every instance are serialised by an advisory lock, so the count of claims
 * in the last second (all instances) caps the batch: that is the global rate. Recipients suppressed
 * (bounce, complaint) or unsubscribed from the club are settled here, reported, and never sent.
 */
export async function claimBulkBatch(ctx: MailerContext, token: string): Promise<ClaimedBatch> {
  const now = ctx.clock();
  const staleBefore = new Date(now.getTime() - ctx.config.MAIL_BULK_CLAIM_TIMEOUT_MS);
  return ctx.outbox.transaction(async (tx) => {
    const store = bulkEmailStore(tx);
    await store.lockClaims();
    const claimedRecently = await store.countClaimedSince(new Date(now.getTime() - WINDOW_MS));
    const budget = ctx.config.MAIL_BULK_RATE_PER_S - claimedRecently;
    const batch: ClaimedBatch = { recipients: [], jobs: new Map() };
    const refused: BulkOutcome[] = [];
    for (let round = 0; round < MAX_ROUNDS && batch.recipients.length < budget; round++) {
      const keys = await store.ready(now, staleBefore, budget - batch.recipients.length);
      if (keys.length === 0) break;
      const missing = [...new Set(keys.map((key) => key.bulkId))].filter((id) => !batch.jobs.has(id));
      for (const job of await store.jobs(missing)) batch.jobs.set(job.bulkId, job);
      const refusals = await refusalsOf(tx, keys, batch.jobs);
      for (const status of ['suppressed', 'unsubscribed'] as const) {
        const these = keys.filter((key) => refusals.get(keyOf(key)) === status);
        for (const row of await store.refuse(these, status, now, staleBefore))
          refused.push({ bulkId: row.bulkId, to: row.email, outcome: status, error: null });
      }
      const sendable = keys.filter((key) => !refusals.has(keyOf(key)));
      batch.recipients.push(...(await store.claim(sendable, token, now, staleBefore)));
    }
    await publishProgress(ctx, tx, batch.jobs, refused);
    await store.finishDone([...new Set(refused.map((o) => o.bulkId))], now);
    return batch;
  });
}

/** Which of `keys` must not be mailed: suppressed for all mail, or unsubscribed from that club's. */
async function refusalsOf(tx: Tx, keys: RecipientKey[], jobs: Map<string, BulkEmail>) {
  const clubs = [...new Set([...jobs.values()].map((job) => clubCategory(job.clubId)))];
  const found = await suppressionList(tx).scopesOf(
    keys.map((key) => key.email),
    ['all', ...clubs],
  );
  const refusals = new Map<string, 'suppressed' | 'unsubscribed'>();
  for (const key of keys) {
    const club = clubCategory(jobs.get(key.bulkId)?.clubId ?? '');
    const scopes = found.filter((row) => row.address === key.email).map((row) => row.scope);
    if (scopes.includes('all')) refusals.set(keyOf(key), 'suppressed');
    else if (scopes.includes(club)) refusals.set(keyOf(key), 'unsubscribed');
  }
  return refusals;
}

const keyOf = (key: RecipientKey) => `${key.bulkId} ${key.email}`;
