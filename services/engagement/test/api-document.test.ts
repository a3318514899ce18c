import { fetchJson as send } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';

type Operation = { security: unknown; responses: Record<string, unknown> };

describe("engagement's OpenAPI document", () => {
  let e: EngagementHarness;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    e = await startEngagement();
    paths = (await send(e.url('/internal/openapi.json'))).body.paths;
  }, 60_000);
  afterAll(() => e?.close());

  it('describes every route engagement answers, and nothing else', () => {
    const documented = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = e.service.routes
      .filter((route) => route.path.startsWith('/api/'))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.sort()).toEqual([
      'GET /api/clubs/{link}/events/{eventId}/rsvp',
      'GET /api/clubs/{link}/events/{eventId}/rsvps',
      'GET /api/clubs/{link}/events/{eventId}/rsvps.csv',
      'GET /api/clubs/{link}/feedback',
      'GET /api/clubs/{link}/members',
      'GET /api/clubs/{link}/members.csv',
      'GET /api/clubs/{link}/members/stats',
      'GET /api/clubs/{link}/members/{id}',
      'GET /api/clubs/{link}/members/{id}/resume',
      'GET /api/clubs/{link}/membership',
      'GET /api/clubs/{link}/messages',
      'GET /api/clubs/{link}/messages/{id}',
      'GET /api/clubs/{link}/polls',
      'GET /api/clubs/{link}/polls/{pollId}',
      'GET /api/monitor/feedback',
      'GET /api/student/calendar',
      'GET /api/student/calendar/{token}.ics',
      'GET /api/student/memberships',
      'GET /api/student/reminders',
      'GET /api/student/rsvps',
      'GET /api/tickets/{payload}/qr.png',
      'POST /api/clubs/{link}/events/{eventId}/check-in',
      'POST /api/clubs/{link}/events/{eventId}/rsvps',
      'POST /api/clubs/{link}/events/{eventId}/rsvps/{id}/status',
      'POST /api/clubs/{link}/members/{id}/status',
      'POST /api/clubs/{link}/membership',
      'POST /api/clubs/{link}/messages',
      'POST /api/clubs/{link}/polls',
      'POST /api/clubs/{link}/polls/{pollId}/close',
      'POST /api/feedback',
      'PUT /api/clubs/{link}/events/{eventId}/rsvp-settings',
      'PUT /api/clubs/{link}/membership/questions',
      'PUT /api/clubs/{link}/polls/{pollId}/vote',
      'PUT /api/student/reminders',
    ]);
    expect(documented.sort()).toEqual(served);
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        // The membership terms are public; everything else needs an access token.
        if (path === '/api/clubs/{link}/membership' && method === 'get') continue;
        // So are an event's RSVP counts, a ticket's QR image and a calendar feed (the token is the credential).
        if (path.endsWith('/rsvp') || path.startsWith('/api/tickets/') || path.endsWith('.ics')) continue;
        expect(Object.keys(operation.responses), `${method} ${path}`).toContain('401');
      }
    }
  });
});
