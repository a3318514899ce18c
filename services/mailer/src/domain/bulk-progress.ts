import type { Tx } from '@sproul/common/db';
import { BulkEmailProgressedV1, makeEvent } from '@sproul/common/events';
import type { BulkEmail, FinalStatus } from '../data-access/bulk-email-repository.js';
import { type MailerContext, SOURCE } from './mailer-context.js';

/** One recipient's final outcome, as recorded (each recorded once: see the claim token). */
export interface BulkOutcome {
  bulkId: string;
  to: string;
  outcome: FinalStatus;
  error: string | null;
}

/**
 * Appends one BulkEmailProgressed per bulk email with the outcomes recorded in `tx`, so the events
 * commit with the statuses: each recipient is reported exactly once.
 */
export async function publishProgress(
  ctx: MailerContext,
  tx: Tx,
  jobs: Map<string, BulkEmail>,
  outcomes: BulkOutcome[],
) {
  const byJob = new Map<string, BulkOutcome[]>();
  for (const outcome of outcomes) byJob.set(outcome.bulkId, [...(byJob.get(outcome.bulkId) ?? []), outcome]);
  const events = [...byJob].map(([bulkId, these]) =>
    makeEvent(
      BulkEmailProgressedV1,
      {
        bulkId,
        clubId: jobs.get(bulkId)?.clubId ?? '',
        outcomes: these.map(({ to, outcome, error }) => ({
          to,
          outcome,
          error: error?.slice(0, 1000) ?? null,
        })),
      },
      SOURCE,
    ),
  );
  if (events.length > 0) await ctx.outbox.append(tx, events);
}
