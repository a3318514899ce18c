import type { JobDefinition } from '@sproul/common/service';
import type { CatalogConfig } from '../../config.js';
import type { CatalogContext } from '../../domain/catalog-context.js';
import { reportSearchCount } from '../../domain/search/report-search-count.js';

/** Each replica reports its own search count (CatalogSearchesCounted); the monitor adds them up. */
export const searchCountJob: JobDefinition<CatalogContext, CatalogConfig> = {
  name: 'search-count',
  every: (config) => config.SEARCH_COUNT_INTERVAL_MS,
  run: (ctx, now) => reportSearchCount(ctx.outbox, ctx.searches, now),
};
