import { z } from 'zod';
import { attendance, attendanceCsv } from '../../domain/rsvps/attendance.js';
import { checkIn } from '../../domain/rsvps/check-in.js';
import {
  changeRsvpStatus,
  createRsvp,
  rsvpOverview,
  saveRsvpSettings,
  studentRsvps,
} from '../../domain/rsvps/rsvps.js';
import { route } from './route.js';
import {
  attendanceQuery,
  attendanceView,
  checkInBody,
  checkInView,
  countsView,
  eventParams,
  RSVP_TAG,
  rsvpParams,
  rsvpView,
  settingsBody,
  settingsView,
  statusBody,
  studentRsvpView,
} from './rsvp-schemas.js';

const base = '/api/clubs/:link/events/:eventId';

/** RSVPs to a club's events: settings (officers), RSVPs (students), attendance and check-in (officers). */
export const rsvpRoutes = [
  route(
    {
      method: 'put',
      path: `${base}/rsvp-settings`,
      tag: RSVP_TAG,
      auth: 'signed-in',
      summary: "An event's capacity, waitlist, members-only and RSVP deadline (officers of the club)",
      params: eventParams,
      body: settingsBody,
      responses: { 200: { description: 'The settings now', schema: settingsView } },
      errors: [403, 404],
    },
    ({ ctx, claims, params, body }) =>
      saveRsvpSettings(ctx, claims, params.link, params.eventId, {
        capacity: body.capacity,
        waitlist: body.waitlist,
        membersOnly: body.members_only,
        rsvpDeadline: body.rsvp_deadline === null ? null : new Date(body.rsvp_deadline),
      }),
  ),
  route(
    {
      method: 'get',
      path: `${base}/rsvp`,
      tag: RSVP_TAG,
      auth: 'optional',
      summary: "An event's RSVP settings and counts, and the caller's own RSVP",
      params: eventParams,
      responses: {
        200: {
          description: 'Settings, counts, mine',
          schema: z.object({ settings: settingsView, counts: countsView, mine: rsvpView.nullable() }),
        },
      },
      errors: [404],
    },
    ({ ctx, claims, params }) => rsvpOverview(ctx, claims, params.link, params.eventId),
  ),
  route(
    {
      method: 'post',
      path: `${base}/rsvps`,
      tag: RSVP_TAG,
      auth: ['student'],
      summary: 'RSVP to an event: going while seats are left, else waitlisted',
      params: eventParams,
      responses: { 201: { description: 'The RSVP and its ticket', schema: z.object({ rsvp: rsvpView }) } },
      errors: [403, 404, 409],
    },
    ({ ctx, claims, params }) => createRsvp(ctx, claims, params.link, params.eventId),
  ),
  route(
    {
      method: 'get',
      path: '/api/student/rsvps',
      tag: RSVP_TAG,
      auth: ['student'],
      summary: "The student's RSVPs, each with its event and ticket",
      responses: { 200: { description: 'Soonest event first', schema: z.array(studentRsvpView) } },
    },
    ({ ctx, claims }) => studentRsvps(ctx, claims),
  ),
  route(
    {
      method: 'post',
      path: `${base}/rsvps/:id/status`,
      tag: RSVP_TAG,
      auth: 'signed-in',
      summary: 'Move an RSVP: its student cancels; officers mark no-shows or check in',
      params: rsvpParams,
      body: statusBody,
      responses: { 200: { description: 'The RSVP now', schema: z.object({ rsvp: rsvpView }) } },
      errors: [403, 404, 409],
    },
    ({ ctx, claims, params, body }) =>
      changeRsvpStatus(ctx, claims, params.link, params.eventId, params.id, body.status),
  ),
  route(
    {
      method: 'get',
      path: `${base}/rsvps`,
      tag: RSVP_TAG,
      auth: 'signed-in',
      summary: "An event's attendance: counts by status and every RSVP (officers of the club)",
      params: eventParams,
      query: attendanceQuery,
      responses: { 200: { description: 'Counts and RSVPs, oldest first', schema: attendanceView } },
      errors: [403, 404],
    },
    async ({ ctx, claims, params, query }) => {
      const { counts, rsvps } = await attendance(ctx, claims, params.link, params.eventId, query.status);
      return { counts, rsvps };
    },
  ),
  route(
    {
      method: 'get',
      path: `${base}/rsvps.csv`,
      tag: RSVP_TAG,
      auth: 'signed-in',
      summary: 'The same attendance as a CSV file',
      params: eventParams,
      query: attendanceQuery,
      responses: { 200: { description: 'CSV (RFC 4180)', schema: z.string(), contentType: 'text/csv' } },
      errors: [403, 404],
    },
    async ({ ctx, claims, params, query, res }) => {
      const { fileName, csv } = await attendanceCsv(ctx, claims, params.link, params.eventId, query.status);
      res
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`)
        .setHeader('Cache-Control', 'no-store')
        .send(csv);
    },
  ),
  route(
    {
      method: 'post',
      path: `${base}/check-in`,
      tag: RSVP_TAG,
      auth: 'signed-in',
      summary: 'Check someone in: a scanned ticket, or a walk-in by email (officers of the club)',
      params: eventParams,
      body: checkInBody,
      responses: { 200: { description: 'Who, and their nth check-in', schema: checkInView } },
      errors: [403, 404, 409, 422],
    },
    ({ ctx, claims, params, body }) => checkIn(ctx, claims, params.link, params.eventId, body),
  ),
];
