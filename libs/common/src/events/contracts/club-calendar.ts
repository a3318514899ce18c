import { z } from 'zod';
import { defineEvent } from '../define-event.js';
import { idSchema } from './shared-fields.js';

const instant = z.iso.datetime({ offset: true });

/** What other services (engagement's RSVPs and check-in) need of a club's event, without the catalog. */
export const clubEventSummarySchema = z.object({
  kind: z.enum(['event', 'recruiting']),
  name: z.string().min(1).max(300),
  location: z.string().max(500),
  starts_at: instant,
  ends_at: instant,
  invite_only: z.boolean(),
});

/** A club's event is its own aggregate (`club-event`/eventId): scheduled and changed carry its summary. */
const aboutEvent = (data: { eventId: string }) => ({ type: 'club-event', id: data.eventId });

/** An officer added an event (or recruiting event) to the club; also restated on a replay. */
export const ClubEventScheduledV1 = defineEvent(
  'ClubEventScheduled',
  1,
  z.object({ eventId: idSchema, clubId: idSchema, event: clubEventSummarySchema }),
  { aggregate: { effect: 'state', of: aboutEvent } },
);

/** An officer edited an event: its whole summary as it is now. */
export const ClubEventChangedV1 = defineEvent(
  'ClubEventChanged',
  1,
  z.object({ eventId: idSchema, clubId: idSchema, event: clubEventSummarySchema }),
  { aggregate: { effect: 'state', of: aboutEvent } },
);

/** An officer removed (cancelled) an event; nothing of it comes back. ClubDeleted ends all a club's events. */
export const ClubEventCancelledV1 = defineEvent(
  'ClubEventCancelled',
  1,
  z.object({ eventId: idSchema, clubId: idSchema, name: z.string().min(1).max(300), starts_at: instant }),
  { aggregate: { effect: 'end', of: aboutEvent } },
);
