import type { JobDefinition } from '@sproul/common/service';
import type { CatalogConfig } from '../../config.js';
import type { CatalogContext } from '../../domain/catalog-context.js';
import { refreshRecruitingStatuses } from '../../domain/recruiting/refresh-recruiting-statuses.js';

/**
 * Recomputes clubs' recruiting status from their deadlines (upstream: every minute). Every replica
 * ticks; the lock inside `refreshRecruitingStatuses` lets one act per tick.
 */
export const recruitingStatusJob: JobDefinition<CatalogContext, CatalogConfig> = {
  name: 'recruiting-status',
  every: (config) => config.RECRUITING_CHECK_INTERVAL_MS,
  async run(ctx, now) {
    const result = await refreshRecruitingStatuses(ctx.outbox, now);
    if (result.changed.length > 0) ctx.logger.info({ clubs: result.changed }, 'recruiting status changed');
  },
};
