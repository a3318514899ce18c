import { rsvpStatuses } from '@sproul/common/events';
import { z } from 'zod';
import { linkParams } from './schemas.js';

export const RSVP_TAG = 'Club events (RSVPs and check-in)';

export const eventParams = linkParams.extend({ eventId: z.uuid().describe("The catalog's event id") });
export const rsvpParams = eventParams.extend({ id: z.uuid() });
export const rsvpStatusSchema = z.enum(rsvpStatuses);

const iso = z.iso.datetime({ offset: true });

export const settingsBody = z.strictObject({
  capacity: z.number().int().min(1).max(1_000_000).nullable().describe('Seats; null is unlimited'),
  waitlist: z.boolean(),
  members_only: z.boolean(),
  rsvp_deadline: iso.nullable().describe('Null: RSVPs close when the event starts'),
});

export const settingsView = z.object({
  capacity: z.number().int().nullable(),
  waitlist: z.boolean(),
  members_only: z.boolean(),
  rsvp_deadline: z.string().nullable(),
});

export const countsView = z.object(
  Object.fromEntries(rsvpStatuses.map((status) => [status, z.number().int()])) as Record<
    (typeof rsvpStatuses)[number],
    z.ZodNumber
  >,
);

export const ticketView = z.object({
  payload: z.string().describe('The signed token the QR code holds'),
  qr_url: z.string().describe('Its QR image, a PNG'),
});

export const rsvpView = z.object({
  id: z.string(),
  event_id: z.string(),
  status: rsvpStatusSchema,
  position: z.number().int().nullable().describe('Place on the waitlist, 1 first'),
  ticket: ticketView,
});

export const studentRsvpView = rsvpView.extend({
  event: z.object({
    id: z.string(),
    club_id: z.string(),
    kind: z.string(),
    name: z.string(),
    location: z.string(),
    starts_at: z.string(),
    ends_at: z.string(),
    cancelled: z.boolean(),
  }),
  club: z.object({ link_name: z.string(), name: z.string() }).nullable(),
});

export const statusBody = z.strictObject({ status: rsvpStatusSchema });

/** `?status=going,waitlisted`: some statuses, or all. */
export const attendanceQuery = z.object({
  status: z
    .string()
    .max(200)
    .optional()
    .transform((value, issue) => {
      if (!value) return undefined;
      const parts = value.split(',').map((part) => part.trim());
      const bad = parts.filter((part) => !(rsvpStatuses as readonly string[]).includes(part));
      if (bad.length > 0) {
        issue.addIssue({ code: 'custom', message: `unknown statuses: ${bad.join(', ')}` });
        return z.NEVER;
      }
      return parts as (typeof rsvpStatuses)[number][];
    }),
});

export const attendanceView = z.object({
  counts: countsView,
  rsvps: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      email: z.string(),
      status: rsvpStatusSchema,
      position: z.number().int().nullable(),
      check_ins: z.number().int(),
      walk_in: z.boolean(),
    }),
  ),
});

const again = z.boolean().optional().describe('Count a re-entry of someone already checked in');
export const checkInBody = z.union([
  z.strictObject({ payload: z.string().min(1).max(300).describe("A scanned ticket's payload"), again }),
  z.strictObject({ email: z.email().max(320).describe('A walk-in, by email'), again }),
]);

export const checkInView = z.object({
  name: z.string().nullable(),
  email: z.string(),
  count: z.number().int(),
  status: z.literal('checked_in'),
  walk_in: z.boolean(),
});

export const ticketParams = z.object({ payload: z.string().min(1).max(300) });
export const feedParams = z.object({ token: z.string().min(1).max(100) });
