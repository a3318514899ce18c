import { randomUUID } from 'node:crypto';
import {
  AccountConfirmedV1,
  AccountSignedInV1,
  ClubCreatedV2,
  type EventContract,
  type EventData,
  type EventEnvelope,
  makeEvent,
  socialLinkNames,
  TagChangedV1,
  UserRegisteredV1,
} from '@sproul/common/events';

const DAY = 86_400_000;

/** Envelopes numbered per aggregate as the producers' outboxes number them, at a given time. */
function versioned() {
  const versions = new Map<string, number>();
  return <C extends EventContract>(contract: C, data: EventData<C>, at: number): EventEnvelope => {
    const event = makeEvent(contract, data, 'bench', randomUUID());
    const about = contract.aggregate?.of(data);
    const occurredAt = new Date(at).toISOString();
    if (!about) return { ...event, occurredAt };
    const key = `${about.type}/${about.id}`;
    const version = (versions.get(key) ?? 0) + 1;
    versions.set(key, version);
    return { ...event, occurredAt, aggregate: { ...about, version } };
  };
}

/**
 * What the monitor would hear from a campus: `clubs` clubs (each with its officer, registered and
 * mostly confirmed over the last 10 weeks), as many students, and `activity` sign-ins and refreshes
 * spread over the last two hours.
 */
export function campusEvents(now: number, clubs: number, activity: number) {
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const event = versioned();
  const setup: EventEnvelope[] = [
    event(
      TagChangedV1,
      { tags: Array.from({ length: 20 }, (_, id) => ({ id, name: `Tag ${id}` })), num_user_tags: [] },
      now - 80 * DAY,
    ),
  ];
  const people: { userId: string; role: 'officer' | 'student' }[] = [];
  for (let i = 0; i < clubs * 2; i++) {
    const role = i < clubs ? ('officer' as const) : ('student' as const);
    const userId = `bench-${role}-${i}`;
    const registered = now - next() * 70 * DAY;
    const account = { userId, email: `${userId}@berkeley.edu`, role };
    setup.push(event(UserRegisteredV1, { ...account, name: null, club: null }, registered));
    if (next() < 0.8) setup.push(event(AccountConfirmedV1, account, registered + next() * DAY));
    people.push({ userId, role });
  }
  for (let i = 0; i < clubs; i++) {
    const at = now - next() * 70 * DAY;
    const soon = (days: number) => new Date(now + (next() - 0.5) * days * DAY).toISOString();
    setup.push(
      event(
        ClubCreatedV2,
        {
          clubId: `bench-club-${i}`,
          ownerUserId: `bench-officer-${i}`,
          club: {
            name: `Club ${i}`,
            link_name: `club-${i}`,
            tags: [Math.floor(next() * 20)],
            num_users: 0,
            app_required: next() < 0.3,
            new_members: next() < 0.5,
            about_us: '',
            get_involved: '',
            visible: true,
            confirmed: true,
            reactivated: true,
            registered_at: new Date(at).toISOString(),
            reactivated_last: new Date(at).toISOString(),
            has_logo: next() < 0.6,
            has_banner: next() < 0.4,
            social_links: socialLinkNames.filter(() => next() < 0.3),
            apply_deadline_start: soon(20),
            apply_deadline_end: soon(20),
            recruiting_start: soon(20),
            recruiting_end: soon(20),
            event_starts: Array.from({ length: Math.floor(next() * 4) }, () => soon(14)),
          },
        },
        at,
      ),
    );
  }
  const signIns: EventEnvelope[] = [];
  for (let i = 0; i < activity; i++) {
    const person = people[Math.floor(next() * people.length)] as (typeof people)[number];
    const via = next() < 0.5 ? ('sign-in' as const) : ('refresh' as const);
    signIns.push(event(AccountSignedInV1, { ...person, via }, now - next() * 2 * 3_600_000));
  }
  return { setup, signIns };
}
