import { fuzzRoutes, jsonClient, type OpenApiDocument } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';
import { rsvpHelpers } from './rsvp-harness.js';

// Every route engagement documents, with hostile strings in each field, path parameter and query, and
// its body under other content types: a 4xx or the route's normal answer, never a 5xx. Called as the
// club's owner (the officer routes get past the role check) and as a student (the student routes).
describe('every documented engagement route, fuzzed', () => {
  let e: EngagementHarness;
  let owner: string;
  let student: string;
  let membershipId: string;
  // RSVPs (issue 21): an event, a student's RSVP and its ticket for the event routes' parameters.
  let eventId: string;
  let rsvpId: string;
  let payload: string;
  beforeAll(async () => {
    e = await startEngagement();
    const club = await e.addClub('fuzz-club');
    owner = club.owner;
    const s = await e.addStudent();
    student = s.token;
    membershipId = (await e.join(club.linkName, student)).body.id;
    eventId = await rsvpHelpers(e).addEvent(club.clubId);
    const rsvp = (await rsvpHelpers(e).rsvp(club.linkName, eventId, student)).body.rsvp;
    rsvpId = rsvp.id;
    payload = rsvp.ticket.payload;
  }, 60_000);
  afterAll(() => e?.close());

  for (const who of ['owner', 'student'] as const) {
    it(`answers every hostile variant with 4xx or its normal answer, as JSON (as the ${who})`, async () => {
      const document = (await jsonClient(e.url(''))('/internal/openapi.json')).body as OpenApiDocument;
      const { requests, findings } = await fuzzRoutes({
        baseUrl: e.url(''),
        document,
        headers: () => ({ authorization: `Bearer ${who === 'owner' ? owner : student}` }),
        sample: (name, route) =>
          name === 'link'
            ? 'fuzz-club'
            : name === 'id'
              ? route.path.includes('/rsvps/')
                ? rsvpId
                : membershipId
              : name === 'eventId'
                ? eventId
                : name === 'payload'
                  ? payload
                  : undefined,
      });
      expect(findings).toEqual([]);
      expect(requests).toBeGreaterThan(20);
    }, 120_000);
  }
});
