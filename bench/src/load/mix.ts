// The realistic mix of `npm run bench:load`: what each simulated request is, drawn by weight from a
// seeded generator. Shares follow issue 24: 70 % catalog browsing and search (the web client's whole
// catalog call on every page load, list pages, tag filters, searches, the tags), 15 % club pages, 10 %
// signed-in reads (an officer's own club and events, a student's profile, memberships and RSVPs), 5 %
// writes (club edits, RSVPs, membership applications, favourites).
import type { DataSet, SignedIn } from './data-set.js';
import { seededRandom } from './random.js';
import { weightedPicker } from './weighted-pick.js';

export type RouteClass = 'browse' | 'club' | 'signed-in' | 'write';

export interface MixRequest {
  route: Route;
  routeClass: RouteClass;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Each route of the mix: its class and its weight, in percent of all requests. */
export const ROUTES = {
  'catalog-all': { routeClass: 'browse', weight: 20 },
  'list-page': { routeClass: 'browse', weight: 20 },
  'tag-filter': { routeClass: 'browse', weight: 10 },
  search: { routeClass: 'browse', weight: 15 },
  tags: { routeClass: 'browse', weight: 5 },
  'club-page': { routeClass: 'club', weight: 15 },
  'officer-profile': { routeClass: 'signed-in', weight: 3 },
  'officer-events': { routeClass: 'signed-in', weight: 2 },
  'student-profile': { routeClass: 'signed-in', weight: 2 },
  'student-memberships': { routeClass: 'signed-in', weight: 1.5 },
  'student-rsvps': { routeClass: 'signed-in', weight: 1.5 },
  'club-edit': { routeClass: 'write', weight: 2 },
  rsvp: { routeClass: 'write', weight: 1.5 },
  apply: { routeClass: 'write', weight: 1 },
  favorite: { routeClass: 'write', weight: 0.5 },
} as const satisfies Record<string, { routeClass: RouteClass; weight: number }>;

export type Route = keyof typeof ROUTES;

/** The share of each class in the mix, in percent (for the report and the tests). */
export const classShares = () => {
  const shares: Record<string, number> = {};
  for (const { routeClass, weight } of Object.values(ROUTES)) {
    shares[routeClass] = (shares[routeClass] ?? 0) + weight;
  }
  return shares as Record<RouteClass, number>;
};

/**
 * Who RSVPs to which event and applies to which club next: one per platform, shared by every step
 * of a run, as a student who RSVPed in one step has still RSVPed in the next.
 */
export const createPairs = (data: DataSet) => ({
  rsvpFor: pairDealer(data.events.length, data.students.length, 7),
  applicationFor: pairDealer(data.officers.length, data.students.length, 11),
});

/**
 * A generator of the mix's requests over `data`, the same sequence for the same seed. RSVPs and
 * applications are made once per student and event (or club), as people make them: a pair is never
 * drawn twice (a second RSVP would rightly be refused), and once every pair is used the request
 * becomes a favourite instead, so that the write share stays the same.
 */
export function createMix(data: DataSet, seed: number, pairs = createPairs(data)) {
  const random = seededRandom(seed);
  const pickRoute = weightedPicker(
    Object.entries(ROUTES).map(([route, { weight }]) => ({ item: route as Route, weight })),
    random,
  );
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const { rsvpFor, applicationFor } = pairs;
  const json = (who: SignedIn, body: unknown) => ({
    headers: {
      authorization: `Bearer ${who.access}`,
      'x-forwarded-for': who.ip,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const bearer = (who: SignedIn) => ({ authorization: `Bearer ${who.access}`, 'x-forwarded-for': who.ip });
  const anonymous = () => ({
    'x-forwarded-for': `10.200.${Math.floor(random() * 250)}.${1 + Math.floor(random() * 250)}`,
  });

  const build = (route: Route): Omit<MixRequest, 'route' | 'routeClass'> => {
    switch (route) {
      case 'catalog-all':
        return { method: 'GET', path: '/api/catalog/organizations?limit=999&skip=0', headers: anonymous() };
      case 'list-page': {
        const pages = Math.max(1, Math.ceil(data.clubs.length / 20));
        const skip = Math.floor(random() * pages) * 20;
        return {
          method: 'GET',
          path: `/api/catalog/organizations?limit=20&skip=${skip}`,
          headers: anonymous(),
        };
      }
      case 'tag-filter':
        return {
          method: 'GET',
          path: `/api/catalog/organizations?tags=${pick(data.tags)}&limit=20&skip=0`,
          headers: anonymous(),
        };
      case 'search': {
        const word = pick(data.words);
        // As people type: a whole word, or its first letters.
        const q = random() < 0.5 ? word : word.slice(0, 3);
        return {
          method: 'GET',
          path: `/api/catalog/organizations?q=${encodeURIComponent(q)}&limit=20`,
          headers: anonymous(),
        };
      }
      case 'tags':
        return { method: 'GET', path: '/api/catalog/tags', headers: anonymous() };
      case 'club-page':
        return {
          method: 'GET',
          path: `/api/catalog/organizations/${pick(data.clubs)}`,
          headers: anonymous(),
        };
      case 'officer-profile':
        return { method: 'GET', path: '/api/admin/profile', headers: bearer(pick(data.officers)) };
      case 'officer-events':
        return { method: 'GET', path: '/api/admin/events', headers: bearer(pick(data.officers)) };
      case 'student-profile':
        return { method: 'GET', path: '/api/student/profile', headers: bearer(pick(data.students)) };
      case 'student-memberships':
        return { method: 'GET', path: '/api/student/memberships', headers: bearer(pick(data.students)) };
      case 'student-rsvps':
        return { method: 'GET', path: '/api/student/rsvps', headers: bearer(pick(data.students)) };
      case 'club-edit': {
        const officer = pick(data.officers);
        const about = `Edited under load at ${Math.floor(random() * 1e9)}: we meet weekly and welcome everyone.`;
        return { method: 'POST', path: '/api/admin/profile', ...json(officer, { about_us: about }) };
      }
      case 'rsvp': {
        const event = Math.floor(random() * data.events.length);
        const taken = rsvpFor(event);
        if (taken === null) return build('favorite');
        const { link, id } = data.events[taken.row]!;
        return {
          method: 'POST',
          path: `/api/clubs/${link}/events/${id}/rsvps`,
          ...json(data.students[taken.student]!, {}),
        };
      }
      case 'apply': {
        const club = Math.floor(random() * data.officers.length);
        const taken = applicationFor(club);
        if (taken === null) return build('favorite');
        return {
          method: 'POST',
          path: `/api/clubs/${data.officers[taken.row]!.link}/membership`,
          ...json(data.students[taken.student]!, { answers: {}, resume: false }),
        };
      }
      case 'favorite':
        return {
          method: 'POST',
          path: '/api/student/favorite-clubs',
          ...json(pick(data.students), { clubs: [pick(data.clubs)] }),
        };
    }
  };

  return (): MixRequest => {
    const route = pickRoute();
    const built = build(route);
    // A write that fell back to a favourite is reported as one.
    const actual = built.path === '/api/student/favorite-clubs' ? 'favorite' : route;
    return { route: actual, routeClass: ROUTES[actual].routeClass, ...built };
  };
}

/**
 * Hands out (row, student) pairs once each: a row (an event, a club) gives its students in turn from
 * its own starting student (so that the first RSVPs are not all the same few students'); a full row
 * passes to the next. Null once every pair is used.
 */
export function pairDealer(rows: number, students: number, stride: number) {
  const used = new Array<number>(rows).fill(0);
  let left = rows * students;
  return (row: number): { row: number; student: number } | null => {
    if (left <= 0) return null;
    for (let offset = 0; offset < rows; offset++) {
      const r = (row + offset) % rows;
      if (used[r]! < students) {
        const student = (r * stride + used[r]!) % students;
        used[r]!++;
        left--;
        return { row: r, student };
      }
    }
    return null;
  };
}
