import { addResource } from '../../../domain/lists/add-resource.js';
import { editResource } from '../../../domain/lists/edit-resource.js';
import { listResources } from '../../../domain/lists/list-resources.js';
import { removeResource } from '../../../domain/lists/remove-resource.js';
import { resourceAnswer } from '../officer-answers.js';
import { resourceBody, resourceEditBody } from '../officer-schemas.js';
import { resourceView } from '../officer-views.js';
import { route } from '../route.js';
import { listSpecs } from './list-specs.js';
import { itemId, me, withoutNulls } from './officer.js';

const specs = listSpecs('/api/admin/resources', 'resource', resourceAnswer, {
  add: resourceBody,
  edit: resourceEditBody,
});

/** `/api/admin/resources`: the club's links (name and URL). */
export const resourceRoutes = [
  route(specs.list, async ({ ctx, claims }) => (await listResources(ctx.db, me(claims))).map(resourceView)),
  route(specs.add, async ({ ctx, claims, body }) =>
    (await addResource(ctx, me(claims), body)).map(resourceView),
  ),
  route(specs.edit, async ({ ctx, claims, body, params }) => {
    const changes = withoutNulls(body);
    return (await editResource(ctx, me(claims), itemId(params), changes)).map(resourceView);
  }),
  route(specs.remove, async ({ ctx, claims, params }) =>
    (await removeResource(ctx, me(claims), itemId(params))).map(resourceView),
  ),
];
