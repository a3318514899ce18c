import { storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';
import { rsvpHelpers } from './rsvp-harness.js';

// Seats are counted under the event's lock: on PostgreSQL the requests really run side by side (a pool
// of connections), and still no event is overbooked and the waitlist has one place per student.
describe.each(await storageKinds())('concurrent RSVPs (%s)', (kind) => {
  let e: EngagementHarness;
  beforeAll(async () => {
    e = await startEngagement(kind);
  }, 60_000);
  afterAll(() => e?.close());

  it('gives 10 seats to 10 of 50 students at once and waitlists the other 40 at places 1..40', async () => {
    const r = rsvpHelpers(e);
    const club = await e.addClub('busy-club');
    const eventId = await r.addEvent(club.clubId);
    await r.settings(club.linkName, eventId, club.owner, { capacity: 10 });
    const students = await Promise.all(Array.from({ length: 50 }, (_, i) => e.addStudent(`S ${i}`)));
    const answers = await Promise.all(students.map((s) => r.rsvp(club.linkName, eventId, s.token)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    const { body } = await r.attendance(club.linkName, eventId, club.owner);
    expect(body.counts).toMatchObject({ going: 10, waitlisted: 40 });
    const positions = body.rsvps
      .filter((x: { status: string }) => x.status === 'waitlisted')
      .map((x: { position: number }) => x.position)
      .sort((a: number, b: number) => a - b);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // Each cancellation of a seat promotes exactly one, so the event stays full.
    const going = answers.filter((a) => a.body.rsvp.status === 'going').slice(0, 5);
    await Promise.all(
      going.map((a) => {
        const who = students[answers.indexOf(a)]!;
        return r.move(club.linkName, eventId, a.body.rsvp.id, who.token, 'cancelled');
      }),
    );
    const after = (await r.overview(club.linkName, eventId)).body.counts;
    expect(after).toMatchObject({ going: 10, waitlisted: 35, cancelled: 5 });
  }, 120_000);
});
