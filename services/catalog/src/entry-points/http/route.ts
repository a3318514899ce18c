import { routesOf } from '@sproul/common/service';
import type { CatalogContext } from '../../domain/catalog-context.js';

/** `defineRoute` for the catalog's routes: each handler gets the catalog's context. */
export const route = routesOf<CatalogContext>();
