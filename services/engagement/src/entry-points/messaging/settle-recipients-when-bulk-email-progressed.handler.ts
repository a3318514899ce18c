import { BulkEmailProgressedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import type { EngagementContext } from '../../domain/engagement-context.js';
import { recordProgress } from '../../domain/messages/record-progress.js';

/** The mailer's outcomes for a message's recipients: sent, failed, suppressed, unsubscribed, limited. */
export const settleRecipientsWhenBulkEmailProgressed = (ctx: EngagementContext) =>
  on(BulkEmailProgressedV1, async ({ data }, tx) => recordProgress(tx, data, ctx.clock()));
