import { BulkEmailRequestedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { storeBulkEmail } from '../../domain/store-bulk-email.js';

/**
 * Queues an officer's bulk email (engagement) for the sender job. An inbox handler, unlike the
 * EmailRequested consumer: storing is all it does, in the consumer's transaction with the inbox row.
 */
export const storeWhenBulkEmailRequested = () =>
  on(BulkEmailRequestedV1, async (event, tx) => {
    await storeBulkEmail(tx, event.data);
  });
