import { PhoneNumberChangedV1 } from '@sproul/common/events';
import { eventually, storageKinds } from '@sproul/common/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderPreferences, remindersSent, verifiedPhones } from '../src/data-access/schema.js';
import type { DueReminder } from '../src/domain/reminders/reminders-due.js';
import { reminderText, sendReminders } from '../src/domain/reminders/send-reminders.js';
import { type EngagementHarness, startEngagement } from './engagement-harness.js';
import { rsvpHelpers } from './rsvp-harness.js';

// SMS reminders: students opt in, auth's verified phones are kept, and a due reminder goes out once
// per (student, event) to an opted-in student with a verified phone: handed to sendReminders directly,
// and found by the job from the students' RSVPs.

interface Sms {
  to: string;
  text: string;
  purpose: string;
  userId: string | null;
}

describe.each(await storageKinds())('SMS reminders (%s)', (kind) => {
  let e: EngagementHarness;
  const now = new Date('2026-03-02T18:00:00.000Z');

  const reminders = (token: string, sms?: boolean) =>
    e.client(
      '/api/student/reminders',
      sms === undefined ? { token } : { method: 'PUT', token, body: { sms } },
    );
  const due = (accountId: string, eventId = crypto.randomUUID()): DueReminder => ({
    accountId,
    eventId,
    eventName: 'Robot build night',
    clubName: 'Bear Bots',
    location: 'Etcheverry 1111',
    startsAt: new Date(now.getTime() + 90 * 60_000),
  });
  const smsTo = (userId: string) => e.published<Sms>('SmsRequested').filter((sms) => sms.userId === userId);
  /** A student opted in (or not), with a verified phone (or not). */
  const student = async (optIn: boolean, phone: string | null) => {
    const s = await e.addStudent();
    if (optIn) expect((await reminders(s.token, true)).status).toBe(200);
    if (phone) await e.emit(PhoneNumberChangedV1, { userId: s.id, phone }, 'auth');
    return s;
  };

  beforeAll(async () => {
    e = await startEngagement(kind, { CAMPUS_TZ: 'America/Los_Angeles' }, { clock: () => now });
  }, 60_000);
  afterAll(() => e?.close());

  it('keeps a student’s opt-in and whether auth verified a phone', async () => {
    const s = await e.addStudent();
    expect((await reminders(s.token)).body).toEqual({ sms: false, phone_verified: false });
    expect((await reminders(s.token, true)).body).toEqual({ sms: true, phone_verified: false });
    await e.emit(PhoneNumberChangedV1, { userId: s.id, phone: '+15105550100' }, 'auth');
    expect((await reminders(s.token)).body).toEqual({ sms: true, phone_verified: true });
    await e.emit(PhoneNumberChangedV1, { userId: s.id, phone: null }, 'auth');
    expect((await reminders(s.token)).body).toEqual({ sms: true, phone_verified: false });
    expect((await reminders(s.token, false)).body.sms).toBe(false);
  });

  it('is a student route with a strict body', async () => {
    const s = await e.addStudent();
    const bad = await e.client('/api/student/reminders', {
      method: 'PUT',
      token: s.token,
      body: { sms: 'yes' },
    });
    expect(bad.status).toBe(400);
    const extra = await e.client('/api/student/reminders', {
      method: 'PUT',
      token: s.token,
      body: { sms: true, email: true },
    });
    expect(extra.status).toBe(400);
    expect((await e.client('/api/student/reminders')).status).toBe(401);
    expect((await reminders(await e.auth.token('officer'))).status).toBe(401);
  });

  it('texts opted-in students with a verified phone, once per (student, event)', async () => {
    const yes = await student(true, '+15105550101');
    const noPhone = await student(true, null);
    const notOptedIn = await student(false, '+15105550102');
    const event = crypto.randomUUID();
    const batch = [due(yes.id, event), due(noPhone.id, event), due(notOptedIn.id, event)];
    expect(await sendReminders(e.context, now, batch)).toBe(1);
    // Again (the next tick), and twice at once (two replicas): nothing more.
    expect(await sendReminders(e.context, now, batch)).toBe(0);
    const racing = await Promise.all([
      sendReminders(e.context, now, batch),
      sendReminders(e.context, now, batch),
    ]);
    expect(racing).toEqual([0, 0]);
    await eventually(() => smsTo(yes.id).length > 0);
    const sent = smsTo(yes.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: '+15105550101', purpose: 'event-reminder' });
    expect(sent[0]?.text).toContain('Robot build night');
    expect(sent[0]?.text).toContain('11:30');
    // A second event is a second reminder.
    expect(await sendReminders(e.context, now, [due(yes.id)])).toBe(1);
    await eventually(() => smsTo(yes.id).length === 2);
    expect(smsTo(noPhone.id)).toEqual([]);
    expect(smsTo(notOptedIn.id)).toEqual([]);
  });

  it('sends one reminder when two replicas race on a fresh (student, event)', async () => {
    const s = await student(true, '+15105550103');
    const batch = [due(s.id)];
    const counts = await Promise.all([
      sendReminders(e.context, now, batch),
      sendReminders(e.context, now, batch),
      sendReminders(e.context, now, batch),
    ]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    await eventually(() => smsTo(s.id).length === 1);
  });

  it('forgets a deleted account’s choices, phone and sent markers', async () => {
    const s = await student(true, '+15105550104');
    expect(await sendReminders(e.context, now, [due(s.id)])).toBe(1);
    await e.deleteAccount(s.id);
    const left = await Promise.all(
      [reminderPreferences, verifiedPhones, remindersSent].map((table) =>
        e.db.select().from(table).where(eq(table.accountId, s.id)),
      ),
    );
    expect(left).toEqual([[], [], []]);
  });

  it('the job texts, once, each opted-in student with a phone going to an event starting within the lead', async () => {
    const r = rsvpHelpers(e);
    const club = await e.addClub(`remind-${kind}`);
    const hour = 3600_000;
    const soon = await r.addEvent(club.clubId, { startsAt: new Date(now.getTime() + hour) }, 'Soon night');
    const later = await r.addEvent(
      club.clubId,
      { startsAt: new Date(now.getTime() + 5 * hour) },
      'Later night',
    );
    const going = await student(true, '+15105550123');
    const cancelling = await student(true, '+15105550124');
    const silent = await student(false, '+15105550125');
    const ids = new Map<string, string>();
    for (const s of [going, cancelling, silent]) {
      const created = await r.rsvp(club.linkName, soon, s.token);
      expect(created.status).toBe(201);
      ids.set(s.id, created.body.rsvp.id);
    }
    expect((await r.rsvp(club.linkName, later, going.token)).status).toBe(201);
    const cancelled = await r.move(
      club.linkName,
      soon,
      ids.get(cancelling.id)!,
      cancelling.token,
      'cancelled',
    );
    expect(cancelled.status).toBe(200);

    await e.service.jobs.run('event-reminders');
    await e.service.jobs.run('event-reminders');
    await eventually(() => smsTo(going.id).length > 0);
    expect(smsTo(going.id)).toHaveLength(1);
    expect(smsTo(going.id)[0]).toMatchObject({ to: '+15105550123', purpose: 'event-reminder' });
    expect(smsTo(going.id)[0]?.text).toContain('Soon night');
    expect(smsTo(cancelling.id)).toEqual([]);
    expect(smsTo(silent.id)).toEqual([]);
  });
});

describe('a reminder’s text', () => {
  it('fits an SMS request (480 characters) whatever the names', () => {
    const long: DueReminder = {
      accountId: 'a',
      eventId: 'e',
      eventName: 'N'.repeat(300),
      clubName: 'C'.repeat(300),
      location: 'L'.repeat(500),
      startsAt: new Date('2026-03-02T19:30:00.000Z'),
    };
    const text = reminderText(long, 'America/Los_Angeles');
    expect(text.length).toBeLessThanOrEqual(480);
    expect(reminderText({ ...long, location: '  ' }, 'UTC')).not.toContain(' at ');
  });
});
