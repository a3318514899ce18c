import { CatalogSearchesCountedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { catalogWrites } from '../../data-access/club-writes.js';

/** Each catalog replica's search count, by the end of the interval it covers. */
export const recordSearchesWhenSearchesCounted = on(CatalogSearchesCountedV1, ({ data }, tx) =>
  catalogWrites(tx).searchesCounted(new Date(data.to), data.count),
);
