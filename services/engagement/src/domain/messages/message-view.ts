import { bulkRecipientOutcomes } from '@sproul/common/events';
import type { Message, MessageRecipient, StatusCounts } from '../../data-access/message-repository.js';

/** Every status a recipient can be in, each counted (0 where nobody is). */
export const recipientStatuses = ['pending', ...bulkRecipientOutcomes] as const;

/** A message as officers list it: whom it went to, and how far its delivery is. */
export function summaryOf(message: Message, counts: StatusCounts) {
  const all = Object.fromEntries(recipientStatuses.map((status) => [status, counts[status] ?? 0]));
  return {
    id: message.id,
    subject: message.subject,
    to: message.filter,
    sent_by: message.sentBy,
    created_at: message.createdAt.toISOString(),
    recipient_count: Object.values(all).reduce((sum, n) => sum + n, 0),
    counts: all as Record<(typeof recipientStatuses)[number], number>,
    done: all.pending === 0,
  };
}

export const recipientView = (recipient: MessageRecipient) => ({
  email: recipient.email,
  account_id: recipient.accountId,
  name: recipient.name,
  status: recipient.status,
  error: recipient.error,
  updated_at: recipient.updatedAt.toISOString(),
});
