import { SimilarClubsChangedV1 } from '@sproul/common/events';
import { onBatch } from '@sproul/common/messaging';
import { noteCatalogChange } from '../../data-access/catalog-change-notice.js';

/**
 * The recommender's similar clubs changed: club pages cached with the old `recommended_clubs` are
 * dropped when this commits. The notice names no clubs the cache could keep, so a run of them is one.
 */
export const refreshClubPagesWhenSimilarClubsChanged = () =>
  onBatch(SimilarClubsChangedV1, async (_events, tx) => {
    await noteCatalogChange(tx, 'similar-clubs');
  });
