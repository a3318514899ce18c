import {
  AccountConfirmedV1,
  AccountDeletedV1,
  AccountSignedInV1,
  CatalogSearchesCountedV1,
  ClubCreatedV2,
  ClubDeletedV1,
  ClubUpdatedV2,
  type clubSummaryV2Schema,
  type EventEnvelope,
  RsoListEntryChangedV1,
  socialLinkNames,
  TagChangedV1,
  UserRegisteredV1,
} from '@sproul/common/events';
import type { z } from 'zod';
import { eventHistory } from './monitor-harness.js';

type Summary = z.output<typeof clubSummaryV2Schema>;
type Role = 'officer' | 'student';
interface Account {
  userId: string;
  role: Role;
  registeredAt: Date;
  confirmedAt: Date | null;
  deleted: boolean;
  lastSeen: Date | null;
}

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** A small deterministic random source (mulberry32), so a failing history can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
  };
}

/**
 * The owning services (auth, catalog) as plain state changed by a random history of `about` events
 * up to `now`, with the events their outboxes would have published. The state is what the statistics
 * must equal, computed here directly (see `expectedStats` in the convergence test).
 */
export function platformModel(now: Date, seed: number, about = 1000) {
  const rng = random(seed);
  const event = eventHistory();
  const events: EventEnvelope[] = [];
  const accounts: Account[] = [];
  const rso = new Map<string, boolean>();
  const clubs = new Map<string, Summary | null>();
  const searches: { to: Date; count: number }[] = [];
  let tags: { id: number; name: string }[] = [];

  // Times run forward from 12 weeks ago to now, as the changes happened.
  let clock = now.getTime() - 84 * DAY;
  const step = (84 * DAY) / about;
  // The last fifth of the history happens in the last two hours, so that "active lately" has people.
  const lateStart = now.getTime() - 2 * 60 * MIN;
  const lateStep = (2 * 60 * MIN) / (about * 0.2);
  const tick = () => {
    const late = events.length >= about * 0.8;
    if (late && clock < lateStart) clock = lateStart;
    clock = Math.min(now.getTime(), clock + rng.next() * 2 * (late ? lateStep : step));
    return new Date(clock);
  };
  const iso = (date: Date) => date.toISOString();
  const maybeTime = () =>
    rng.chance(0.5) ? iso(new Date(now.getTime() + (rng.next() - 0.5) * 20 * DAY)) : null;
  const summary = (name: string, registeredAt: Date): Summary => {
    const confirmed = rng.chance(0.7);
    const reactivated = rng.chance(0.8);
    return {
      name,
      link_name: name.toLowerCase().replace(/ /g, '-'),
      tags: [rng.int(6), rng.int(6)].filter((tag, i, all) => all.indexOf(tag) === i),
      num_users: 0,
      app_required: rng.chance(0.5),
      new_members: rng.chance(0.5),
      about_us: '',
      get_involved: '',
      visible: confirmed && reactivated,
      confirmed,
      reactivated,
      registered_at: iso(registeredAt),
      reactivated_last: rng.chance(0.6) ? iso(new Date(clock - rng.next() * 70 * DAY)) : null,
      has_logo: rng.chance(0.5),
      has_banner: rng.chance(0.4),
      social_links: socialLinkNames.filter(() => rng.chance(0.3)),
      apply_deadline_start: maybeTime(),
      apply_deadline_end: maybeTime(),
      recruiting_start: maybeTime(),
      recruiting_end: maybeTime(),
      event_starts: Array.from({ length: rng.int(4) }, () =>
        iso(new Date(now.getTime() + (rng.next() - 0.5) * 14 * DAY)),
      ),
    };
  };

  const live = () => accounts.filter((account) => !account.deleted);
  while (events.length < about) {
    const at = tick();
    const roll = rng.next();
    const person = rng.pick(live());
    if (roll < 0.15 || !person) {
      const role: Role = rng.chance(0.6) ? 'officer' : 'student';
      const account: Account = {
        userId: `u${accounts.length}`,
        role,
        registeredAt: at,
        confirmedAt: null,
        deleted: false,
        lastSeen: null,
      };
      accounts.push(account);
      const data = { userId: account.userId, email: `${account.userId}@berkeley.edu`, role };
      events.push(event(UserRegisteredV1, { ...data, name: null, club: null }, at));
    } else if (roll < 0.25 && !person.confirmedAt) {
      person.confirmedAt = at;
      events.push(
        event(
          AccountConfirmedV1,
          { userId: person.userId, email: `${person.userId}@berkeley.edu`, role: person.role },
          at,
        ),
      );
    } else if (roll < 0.28) {
      person.deleted = true;
      const data = {
        userId: person.userId,
        email: `${person.userId}@berkeley.edu`,
        role: person.role,
        clubId: null,
      };
      events.push(event(AccountDeletedV1, data, at));
    } else if (roll < 0.5) {
      person.lastSeen = at;
      events.push(
        event(
          AccountSignedInV1,
          { userId: person.userId, role: person.role, via: rng.pick(['sign-in', 'refresh'] as const) },
          at,
        ),
      );
    } else if (roll < 0.58) {
      const email = `rso${rng.int(60)}@berkeley.edu`;
      const listed = !rso.get(email);
      rso.set(email, listed);
      events.push(event(RsoListEntryChangedV1, { email, listed }, at));
    } else if (roll < 0.68) {
      const clubId = `club${clubs.size}`;
      const state = summary(`Club ${clubs.size}`, at);
      clubs.set(clubId, state);
      events.push(event(ClubCreatedV2, { clubId, ownerUserId: `owner-${clubId}`, club: state }, at));
    } else if (roll < 0.9) {
      const existing = [...clubs].filter(([, state]) => state !== null);
      if (existing.length === 0) continue;
      const [clubId, before] = rng.pick(existing) as [string, Summary];
      const state = summary(before.name, new Date(before.registered_at));
      clubs.set(clubId, state);
      events.push(event(ClubUpdatedV2, { clubId, changed: ['about_us'], club: state }, at));
    } else if (roll < 0.93) {
      const existing = [...clubs].filter(([, state]) => state !== null);
      if (existing.length === 0) continue;
      const [clubId, before] = rng.pick(existing) as [string, Summary];
      clubs.set(clubId, null);
      events.push(
        event(ClubDeletedV1, { clubId, ownerUserId: `owner-${clubId}`, link_name: before.link_name }, at),
      );
    } else if (roll < 0.95) {
      tags = Array.from({ length: 4 + rng.int(3) }, (_, id) => ({ id, name: `Tag ${id} ${rng.int(100)}` }));
      events.push(event(TagChangedV1, { tags, num_user_tags: [] }, at));
    } else {
      const count = 1 + rng.int(20);
      searches.push({ to: at, count });
      events.push(
        event(CatalogSearchesCountedV1, { from: iso(new Date(at.getTime() - MIN)), to: iso(at), count }, at),
      );
    }
  }
  return {
    events,
    accounts: live(),
    rso,
    clubs: [...clubs.values()].filter((c): c is Summary => c !== null),
    searches,
    tags,
    rng,
  };
}

export type PlatformModel = ReturnType<typeof platformModel>;
