import { TagChangedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { catalogMetadataRepository } from '../../data-access/catalog-metadata-repository.js';

/** Registration checks tag and size ids against this copy, never against the catalog's tables. */
export const keepCatalogMetadataWhenTagChanged = on(TagChangedV1, async (event, tx) => {
  await catalogMetadataRepository(tx).replace(event.data.tags, event.data.num_user_tags);
});
