import type { Tx } from '@sproul/common/db';
import type { BulkEmailRequestedV1, EventData } from '@sproul/common/events';
import { bulkEmailStore, type NewBulkRecipient } from '../data-access/bulk-email-repository.js';

export type BulkEmailRequested = EventData<typeof BulkEmailRequestedV1>;

/** The bulk category one club's mail is unsubscribed from (one click holds for that club only). */
export const clubCategory = (clubId: string) => `club:${clubId}`;

/**
 * Queues a bulk email: the job and one pending row per address (lower-cased; a repeated address is one
 * row, its first entry kept). Runs in the consumer's transaction with the event's inbox row; a second
 * event with the same bulkId changes nothing either. The sender job sends them.
 */
export async function storeBulkEmail(tx: Tx, request: BulkEmailRequested): Promise<boolean> {
  const byAddress = new Map<string, NewBulkRecipient>();
  for (const recipient of request.recipients) {
    const email = recipient.to.trim().toLowerCase();
    if (!byAddress.has(email))
      byAddress.set(email, { email, userId: recipient.userId, fields: recipient.fields });
  }
  const { bulkId, clubId, clubName, requestedBy, subject, body } = request;
  return bulkEmailStore(tx).insertJob({ bulkId, clubId, clubName, requestedBy, subject, body }, [
    ...byAddress.values(),
  ]);
}
