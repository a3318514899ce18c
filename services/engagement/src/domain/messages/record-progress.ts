import type { Tx } from '@sproul/common/db';
import type { BulkEmailProgressedV1, EventData } from '@sproul/common/events';
import { messageRepository } from '../../data-access/message-repository.js';

/**
 * The mailer's outcomes for some of a message's recipients. Each recipient's first final outcome
 * stays, so a redelivered or repeated report changes nothing; an address no longer listed (its account
 * deleted) or a message engagement does not know is skipped.
 */
export async function recordProgress(tx: Tx, progress: EventData<typeof BulkEmailProgressedV1>, at: Date) {
  const messages = messageRepository(tx);
  for (const { to, outcome, error } of progress.outcomes) {
    await messages.settle(progress.bulkId, to.trim().toLowerCase(), outcome, error, at);
  }
}
