import QRCode from 'qrcode';
import { z } from 'zod';
import { calendarFeed, calendarUrl } from '../../domain/rsvps/student-calendar.js';
import { readTicket } from '../../domain/rsvps/tickets.js';
import { ticketNotFound } from '../../errors.js';
import { route } from './route.js';
import { feedParams, RSVP_TAG, ticketParams } from './rsvp-schemas.js';

/** Tickets' QR images and students' calendar feeds: public, the signed payload or token is the credential. */
export const ticketRoutes = [
  route(
    {
      method: 'get',
      path: '/api/tickets/:payload/qr.png',
      tag: RSVP_TAG,
      summary: "A ticket's QR code (a PNG of its signed payload)",
      params: ticketParams,
      responses: { 200: { description: 'PNG image', schema: z.string(), contentType: 'image/png' } },
      errors: [404],
    },
    async ({ ctx, params, res }) => {
      // Only our own signed payloads: the route is no free QR renderer.
      if (!readTicket(ctx.config, params.payload)) throw ticketNotFound();
      const png = await QRCode.toBuffer(params.payload, {
        type: 'png',
        errorCorrectionLevel: 'M',
        margin: 2,
        scale: 8,
      });
      res.type('image/png').setHeader('Cache-Control', 'private, max-age=86400').send(png);
    },
  ),
  route(
    {
      method: 'get',
      path: '/api/student/calendar',
      tag: RSVP_TAG,
      auth: ['student'],
      summary: "The student's personal calendar feed URL (secret: whoever has it sees their RSVPs)",
      responses: { 200: { description: 'The feed URL', schema: z.object({ url: z.string() }) } },
    },
    ({ ctx, claims }) => calendarUrl(ctx, claims),
  ),
  route(
    {
      method: 'get',
      path: '/api/student/calendar/:token.ics',
      tag: RSVP_TAG,
      summary: "A student's RSVPed events as iCalendar; cancelled ones marked STATUS:CANCELLED",
      params: feedParams,
      responses: { 200: { description: 'iCalendar', schema: z.string(), contentType: 'text/calendar' } },
      errors: [404],
    },
    async ({ ctx, params, res }) => {
      const ics = await calendarFeed(ctx, params.token);
      res.type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'private, no-cache').send(ics);
    },
  ),
];
