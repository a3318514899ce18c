import { describeApi } from '@sproul/common/openapi';
import { z } from 'zod';
import { catalogRouteDescriptions } from './catalog-openapi.js';
import { monitorRouteDescriptions } from './monitor-openapi.js';
import { officerRouteDescriptions } from './officer-openapi.js';
import { studentRouteDescriptions } from './student-openapi.js';

const tag = z.object({ id: z.number().int(), name: z.string() }).meta({ id: 'Tag' });
const size = z.object({ id: z.number().int(), value: z.string() }).meta({ id: 'NumUserTag' });

/** The catalog's public routes so far (the rest arrive with the catalog issue). */
export const catalogApiDocument = () =>
  describeApi('catalog', [
    {
      method: 'get',
      path: '/api/catalog/tags',
      tag: 'Catalog',
      summary: 'Club categories, ids 0..n-1 in list order',
      responses: { 200: { description: 'Tags', schema: z.array(tag) } },
    },
    {
      method: 'get',
      path: '/api/catalog/num-user-tags',
      tag: 'Catalog',
      summary: 'Member-count ranges, ids 0..n-1',
      responses: { 200: { description: 'Ranges', schema: z.array(size) } },
    },
    ...catalogRouteDescriptions,
    ...officerRouteDescriptions,
    ...studentRouteDescriptions,
    ...monitorRouteDescriptions,
  ]);
