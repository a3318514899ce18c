import type { JobDefinition } from '@sproul/common/service';
import type { MonitorConfig } from '../../config.js';
import type { MonitorContext } from '../../domain/monitor-context.js';
import { askAgainUnanswered } from '../../domain/rebuild/ask-again.js';

/** Re-sends a replay request until every owner has answered it (see ask-again.ts); ticks every REPLAY_RETRY_MS. */
export const replayRetryJob: JobDefinition<MonitorContext, MonitorConfig> = {
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
