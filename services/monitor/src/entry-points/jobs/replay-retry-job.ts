import { replayRetryJobFor } from '@sproul/common/messaging';
import type { JobDefinition } from '@sproul/common/service';
import type { MonitorConfig } from '../../config.js';
import type { MonitorContext } from '../../domain/monitor-context.js';
import { monitorReplays } from '../../domain/rebuild/request-replay.js';

/** Re-sends a replay request until auth, the catalog and media have all answered it; ticks every REPLAY_RETRY_MS. */
export const replayRetryJob: JobDefinition<MonitorContext, MonitorConfig> = replayRetryJobFor(monitorReplays);
