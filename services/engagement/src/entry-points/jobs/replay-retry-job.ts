import { replayRetryJobFor } from '@sproul/common/messaging';
import type { JobDefinition } from '@sproul/common/service';
import type { EngagementConfig } from '../../config.js';
import { engagementReplays } from '../../domain/catch-up/engagement-replays.js';
import type { EngagementContext } from '../../domain/engagement-context.js';

/** Re-sends the first start's replay request until auth and the catalog have answered it; every REPLAY_RETRY_MS. */
export const replayRetryJob: JobDefinition<EngagementContext, EngagementConfig> =
  replayRetryJobFor(engagementReplays);
