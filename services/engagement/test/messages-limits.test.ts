import { storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';
import { clubWithPeople, messagesOn } from './messages-harness.js';

/** A clock the test moves by hand: the send windows are counted from messages' times. */
function manualClock(start = new Date('2026-12-05T12:00:00.000Z')) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

// On PostgreSQL, sends really run side by side: the per-club lock keeps two from taking one last place.
describe.each(await storageKinds())('the per-club send limit (%s)', (kind) => {
  let e: EngagementHarness;
  let m: ReturnType<typeof messagesOn>;
  const clock = manualClock();
  beforeAll(async () => {
    e = await startEngagement(
      kind,
      { MESSAGES_PER_CLUB_PER_HOUR: '2', MESSAGES_PER_CLUB_PER_DAY: '3' },
      { clock: clock.now },
    );
    m = messagesOn(e);
  }, 60_000);
  afterAll(() => e?.close());

  it('counts per rolling hour and per rolling day, answering how long to wait', async () => {
    const club = await clubWithPeople(e, 'windows', [{ name: 'Reader', status: 'member' }]);
    const send = () =>
      m.send(club.linkName, club.owner, { subject: 's', body: 'b', to: { statuses: ['member'] } });
    expect((await send()).status).toBe(202);
    clock.advance(60_000);
    expect((await send()).status).toBe(202);
    let refused = await send();
    expect(refused).toMatchObject({ status: 429, body: { data: { window: 'hour', limit: 2 } } });
    // The first of the two leaves the hour 59 minutes from now.
    expect(refused.headers.get('retry-after')).toBe(String(59 * 60));
    clock.advance(59 * 60_000);
    expect((await send()).status).toBe(202);
    refused = await send();
    expect(refused).toMatchObject({ status: 429, body: { data: { window: 'day', limit: 3 } } });
    // The first message leaves the day 24 h after it was sent: one hour has passed since.
    expect(refused.headers.get('retry-after')).toBe(String(23 * 3600));
    clock.advance(23 * 3600_000);
    expect((await send()).status).toBe(202);
  });

  it('lets only one of two sends at once take the last place', async () => {
    const club = await clubWithPeople(e, 'racing', [{ name: 'Reader', status: 'member' }]);
    const send = () =>
      m.send(club.linkName, club.owner, { subject: 's', body: 'b', to: { statuses: ['member'] } });
    expect((await send()).status).toBe(202);
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 429]);
    expect((await m.list(club.linkName, club.owner)).body.total).toBe(2);
  });
});
