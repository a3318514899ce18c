import type { CatalogContext } from '../../../domain/catalog-context.js';
import { addEvent } from '../../../domain/events/add-event.js';
import { editEvent } from '../../../domain/events/edit-event.js';
import { listEvents } from '../../../domain/events/list-events.js';
import { removeEvent } from '../../../domain/events/remove-event.js';
import { recruitingEventAnswer } from '../officer-answers.js';
import { recruitingEventBody, recruitingEventEditBody } from '../officer-event-schemas.js';
import { recruitingEventView } from '../officer-views.js';
import { route } from '../route.js';
import { listSpecs } from './list-specs.js';
import { DOC_ZONE, itemId, me } from './officer.js';

const specs = listSpecs('/api/admin/recruiting-events', 'recruiting event', recruitingEventAnswer, {
  add: recruitingEventBody(DOC_ZONE),
  edit: recruitingEventEditBody(DOC_ZONE),
});
const views = (ctx: CatalogContext, list: Parameters<typeof recruitingEventView>[0][]) =>
  list.map((event) => recruitingEventView(event, ctx.config.CAMPUS_TZ));

/** `/api/admin/recruiting-events`: info sessions and the like. Dates are read in the campus zone. */
export const recruitingEventRoutes = [
  route(specs.list, async ({ ctx, claims }) =>
    views(ctx, await listEvents(ctx.db, me(claims), 'recruiting')),
  ),
  route(specs.add, async ({ ctx, claims, req }) => {
    const body = recruitingEventBody(ctx.config.CAMPUS_TZ).parse(req.body);
    const event = { ...body, links: [], location: '', tags: [] };
    return views(ctx, await addEvent(ctx, me(claims), 'recruiting', event));
  }),
  route(specs.edit, async ({ ctx, claims, req, params }) => {
    const changes = recruitingEventEditBody(ctx.config.CAMPUS_TZ).parse(req.body);
    return views(ctx, await editEvent(ctx, me(claims), 'recruiting', itemId(params), changes));
  }),
  route(specs.remove, async ({ ctx, claims, params }) =>
    views(ctx, await removeEvent(ctx, me(claims), 'recruiting', itemId(params))),
  ),
];
