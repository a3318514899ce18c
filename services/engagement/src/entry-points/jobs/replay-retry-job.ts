import type { JobDefinition } from '@sproul/common/service';
import type { EngagementConfig } from '../../config.js';
import { askAgainUnanswered } from '../../domain/catch-up/ask-for-replay.js';
import type { EngagementContext } from '../../domain/engagement-context.js';

/** Re-sends the first start's replay request until auth and the catalog have answered it; every REPLAY_RETRY_MS. */
export const replayRetryJob: JobDefinition<EngagementContext, EngagementConfig> = {
  name: 'replay-retry',
  every: (config) => config.REPLAY_RETRY_MS,
  async run(ctx, now) {
    const owners = await askAgainUnanswered(ctx.outbox, now, {
      firstMs: ctx.config.REPLAY_RETRY_MS,
      maxMs: ctx.config.REPLAY_RETRY_MAX_MS,
    });
    if (owners.length > 0)
      ctx.logger.info({ owners }, 'asked again for a replay these owners have not answered');
  },
};
