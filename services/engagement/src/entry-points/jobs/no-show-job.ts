import type { JobDefinition } from '@sproul/common/service';
import type { EngagementConfig } from '../../config.js';
import type { EngagementContext } from '../../domain/engagement-context.js';
import { markNoShows } from '../../domain/rsvps/no-shows.js';

/** `going` RSVPs of events that ended over an hour ago become `no_show`; every NO_SHOW_JOB_MS. */
export const noShowJob: JobDefinition<EngagementContext, EngagementConfig> = {
  name: 'no-shows',
  every: (config) => config.NO_SHOW_JOB_MS,
  run: (ctx, now) => markNoShows(ctx, now),
};
