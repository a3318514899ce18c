import type { Logger } from '../../logging/logger.js';
import type { JobDefinition } from '../../service/jobs.js';
import type { Outbox } from '../outbox.js';
import { askAgainUnanswered, type ReplayAsker } from './ask-for-replay.js';
import type { ReplayConfig } from './replay-config.js';

/** What the retry job needs of a service's context. */
export interface ReplayRetryContext {
  outbox: Outbox;
  config: ReplayConfig;
  logger: Logger;
}

/**
 * The `replay-retry` job: re-sends the asker's newest replay request until every owner it waits for
 * has answered (see askAgainUnanswered); ticks every REPLAY_RETRY_MS, backing off up to REPLAY_RETRY_MAX_MS.
 */
export const replayRetryJobFor = <Ctx extends ReplayRetryContext, Config extends ReplayConfig>(
  asker: ReplayAsker,
): JobDefinition<Ctx, Config> => ({
  name: 'replay-retry',
  every: (config) => config.REPLAY_RETRY_MS,
  async run(ctx, now) {
    const owners = await askAgainUnanswered(
      ctx.outbox,
      now,
      { firstMs: ctx.config.REPLAY_RETRY_MS, maxMs: ctx.config.REPLAY_RETRY_MAX_MS },
      asker,
    );
    if (owners.length > 0)
      ctx.logger.info({ owners }, 'asked again for a replay these owners have not answered');
  },
});
