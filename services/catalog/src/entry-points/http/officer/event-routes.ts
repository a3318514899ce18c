import type { CatalogContext } from '../../../domain/catalog-context.js';
import { addEvent } from '../../../domain/events/add-event.js';
import { editEvent } from '../../../domain/events/edit-event.js';
import { listEvents } from '../../../domain/events/list-events.js';
import { removeEvent } from '../../../domain/events/remove-event.js';
import { eventAnswer } from '../officer-answers.js';
import { eventBody, eventEditBody } from '../officer-event-schemas.js';
import { eventView } from '../officer-views.js';
import { route } from '../route.js';
import { listSpecs } from './list-specs.js';
import { DOC_ZONE, itemId, me, withoutNulls } from './officer.js';

const specs = listSpecs('/api/admin/events', 'event', eventAnswer, {
  add: eventBody(DOC_ZONE),
  edit: eventEditBody(DOC_ZONE),
});
const views = (ctx: CatalogContext, list: Parameters<typeof eventView>[0][]) =>
  list.map((event) => eventView(event, ctx.config.CAMPUS_TZ));

/** `/api/admin/events`: the club's events. Dates are read in the campus zone. */
export const eventRoutes = [
  route(specs.list, async ({ ctx, claims }) => views(ctx, await listEvents(ctx.db, me(claims), 'event'))),
  route(specs.add, async ({ ctx, claims, req }) => {
    const body = eventBody(ctx.config.CAMPUS_TZ).parse(req.body);
    return views(ctx, await addEvent(ctx, me(claims), 'event', { ...body, virtual_link: null }));
  }),
  route(specs.edit, async ({ ctx, claims, req, params }) => {
    const changes = withoutNulls(eventEditBody(ctx.config.CAMPUS_TZ).parse(req.body));
    return views(ctx, await editEvent(ctx, me(claims), 'event', itemId(params), changes));
  }),
  route(specs.remove, async ({ ctx, claims, params }) =>
    views(ctx, await removeEvent(ctx, me(claims), 'event', itemId(params))),
  ),
];
