// Recorded answers: every request of docs/postman-collection.json, sent in a few variants to the
// embedded platform with the demo data, must get the answer recorded in
// e2e/fixtures/recorded-answers.json: the same status, content type, redirect target and body text
// byte for byte (after the normaliser below has replaced what differs on every run). It guards
// upstream's routes across refactors that should not change a single answer.
//
// A change of answer that is meant: re-record, then review the fixture's diff before committing it:
//   RECORD_ANSWERS=1 npx vitest run e2e/recorded-answers.test.ts
//
// The fixture holds the requests as well as the answers, so replaying does not depend on how the
// collection is generated; a check below only makes sure it still covers every route of the collection.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postmanFile } from '../scripts/src/postman.js';
import { registrationBody } from './support/officer.js';
import { apiAt, startTestPlatform, type TestPlatform } from './support/platform.js';
import { repoRoot } from './support/processes.js';

const fixtureFile = path.join(repoRoot, 'e2e/fixtures/recorded-answers.json');
const recording = process.env.RECORD_ANSWERS === '1';
/** Generous: the set-up waits for events between services on a machine that may be busy. */
const SETUP_WAIT_MS = 30_000;

const ADMIN = { email: 'admin@campus.test', password: 'Admin-pass-42!' };
const OFFICER_EMAIL = 'bearbots@berkeley.edu';
const STUDENT = { email: 'demo.student@berkeley.edu', password: 'sproul-demo-student-1!' };
const FIRST_OFFICER_PASSWORD = 'sproul-demo-officer-1!';
const NEW_OFFICER_PASSWORD = 'Recorded-answers-2026!';
/** A demo club that is not the demo officer's, for the admin's club deletion. */
const OTHER_CLUB_EMAIL = 'bookclub@berkeley.edu';
const NEW_RSO_EMAIL = 'new.club@berkeley.edu';
/** Engineering and Technology, the demo officer's club's tags. */
const STUDENT_INTERESTS = [5, 17];
/** An id that names nothing (the item ids are UUIDs). */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type Role = 'officer' | 'student' | 'admin';
type Credentials =
  | { kind: 'none' }
  | { kind: 'basic'; role: 'officer' }
  | { kind: 'bearer'; role: Role; token: 'access' | 'refresh' };

interface PlannedRequest {
  method: string;
  /** The route as the collection writes it (`/api/admin/faq/:id`). */
  route: string;
  /** `collection` (its body, with credentials), `no-credentials`, or `example` (a body that works). */
  variant: string;
  request: {
    /** `{id}` stands for an id read just before sending (see `idFor`). */
    path: string;
    credentials: Credentials;
    body?: unknown;
  };
}

interface RecordedAnswer extends PlannedRequest {
  status: number;
  contentType: string | null;
  location?: string;
  body: string;
}

/** Bodies that reach the success paths (or the first check past validation), by `METHOD route`. */
const EXAMPLES: Record<string, (linkName: string) => unknown> = {
  'POST /api/user/email-exists': () => ({ email: OFFICER_EMAIL }),
  'POST /api/user/password-strength': () => ({ password: 'Correct-horse-battery-9!' }),
  'POST /api/user/register': () => ({
    email: 'new.member@berkeley.edu',
    password: 'Member-pass-2026!',
    name: 'New Member',
  }),
  'POST /api/user/resend-confirm': () => ({ email: 'new.member@berkeley.edu' }),
  'POST /api/user/login': () => ({ email: OFFICER_EMAIL, password: FIRST_OFFICER_PASSWORD }),
  'POST /api/user/request-reset': () => ({ email: OFFICER_EMAIL }),
  'POST /api/user/confirm-reset': () => ({ token: 'bogus-reset-token', password: 'Another-pass-2026!' }),
  'PATCH /api/user': () => ({ name: 'Bearbots Officer' }),
  'POST /api/user/magic-link': () => ({ email: OFFICER_EMAIL }),
  'POST /api/admin/change-password': () => ({
    old_password: FIRST_OFFICER_PASSWORD,
    new_password: NEW_OFFICER_PASSWORD,
  }),
  'POST /api/monitor/login': () => ADMIN,
  'POST /api/monitor/rso': () => ({ email: NEW_RSO_EMAIL }),
  'POST /api/monitor/rso/import': () => ({
    emails: ['first.import@berkeley.edu', 'second.import@berkeley.edu'],
  }),
  'POST /api/monitor/tags': () => ({ name: 'Recorded Answers' }),
  'PUT /api/monitor/tags/:id': () => ({ name: 'Recorded Answers Renamed' }),
  'POST /api/student/login': () => STUDENT,
  'POST /api/student/register': () => ({
    email: 'new.student@berkeley.edu',
    password: 'Student-pass-2026!',
    name: 'New Student',
  }),
  'POST /api/student/finish-register': () => ({
    email: STUDENT.email,
    majors: [0],
    minors: [1],
    interests: STUDENT_INTERESTS,
  }),
  'POST /api/student/profile': () => ({ full_name: 'Demo Student', majors: [1], year: 2 }),
  'POST /api/student/favorite-clubs': (linkName) => ({ clubs: [linkName] }),
  'DELETE /api/student/favorite-clubs': (linkName) => ({ clubs: [linkName] }),
  'PUT /api/student/club-board': (linkName) => ({
    interested_clubs: [linkName],
    applied_clubs: [],
    interviewed_clubs: [],
  }),
  'POST /api/admin/profile': () => ({
    about_us: 'We build robots, and answers that stay the same.',
    social_media_links: { website: 'bearbots.example.org' },
  }),
  'POST /api/admin/resources': () => ({ name: 'Build guide', link: 'https://bearbots.example.org/guide' }),
  'PUT /api/admin/resources/:id': () => ({ name: 'Build guide, second edition' }),
  'POST /api/admin/events': () => ({
    name: 'Robot night',
    link: 'https://bearbots.example.org/night',
    location: 'Etcheverry Hall',
    event_start: '2030-03-01T18:00:00-08:00',
    event_end: '2030-03-01T20:00:00-08:00',
    description: 'Bring a robot.',
    tags: [0],
  }),
  'PUT /api/admin/events/:id': () => ({ name: 'Robot night (moved)', location: 'Soda Hall' }),
  'POST /api/admin/recruiting-events': () => ({
    name: 'Info session',
    link: 'https://bearbots.example.org/info',
    virtual_link: 'https://bearbots.example.org/zoom',
    invite_only: false,
    event_start: '2030-02-01T18:00:00-08:00',
    event_end: '2030-02-01T19:00:00-08:00',
    description: 'Meet the team.',
  }),
  'PUT /api/admin/recruiting-events/:id': () => ({ description: 'Meet the whole team.' }),
  'POST /api/admin/faq': () => ({ question: 'Do I need experience?', answer: 'No.' }),
  'PUT /api/admin/faq/:id': () => ({ answer: 'No, we teach everything.' }),
  'PUT /api/admin/gallery-media/photo/:id': () => ({ caption: 'Our first robot' }),
};

/**
 * Requests that end sessions, or hide or delete demo data that later requests read: sent after all
 * others, in this order (the club hidden is shown again before it is deleted; the officer's account
 * goes last of all).
 */
const LAST = [
  'POST /api/admin/change-password',
  'POST /api/monitor/club/:email/hide',
  'POST /api/monitor/club/:email/unhide',
  'DELETE /api/monitor/club/:email',
  'DELETE /api/user',
];

/** Replaces what differs on every run; nothing else, so that a real difference still shows. */
function normalise(text: string, baseUrl: string): string {
  return (
    text
      .replaceAll(baseUrl, '<baseUrl>')
      // The development sign-on provider's port, also URL-encoded inside its redirect_uri.
      .replace(/(?<![\d.])(127\.0\.0\.1|localhost)(:|%3A)\d+/g, '$1$2<port>')
      .replace(/\b(state|nonce|code_challenge)=[\w-]+/g, '$1=<random>')
      // The signing key is made at first start: its public coordinates differ on every run.
      .replace(/"([xy])":"[\w-]{43}"/g, '"$1":"<key>"')
      .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '<jwt>')
      // A student's calendar feed URL carries a random secret made on first use.
      .replace(/(\/api\/student\/calendar\/)[\w-]{43}(\.ics)/g, '$1<feed-token>$2')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
      .replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>')
      .replace(/\b\d{8}T\d{6}Z?\b/g, '<time>')
      // Today's date on the campus clock (`/api/catalog/events/today`): recorded on one day, run on others.
      .replace(/"date":"\d{4}-\d{2}-\d{2}"/g, '"date":"<date>"')
  );
}

interface CollectionItem {
  request: {
    method: string;
    url: { path: string[] };
    auth?: { type: string; bearer?: { value: string }[] };
    body?: { raw: string };
  };
}

function credentialsOf(route: string, auth: CollectionItem['request']['auth']): Credentials {
  if (!auth || auth.type === 'noauth') return { kind: 'none' };
  if (auth.type === 'basic') return { kind: 'basic', role: 'officer' };
  const token = auth.bearer?.[0]?.value === '{{refreshToken}}' ? 'refresh' : 'access';
  const role: Role = route.startsWith('/api/student')
    ? 'student'
    : route.startsWith('/api/monitor')
      ? 'admin'
      : 'officer';
  return { kind: 'bearer', role, token };
}

/** Path variables filled with values that name something real (or, for tokens, nothing). */
function fillPath(route: string, linkName: string): string {
  return route
    .replace(':link_name', linkName)
    .replace(':token', 'bogus-token')
    .replace(/\/monitor\/club\/:email/, `/monitor/club/${OTHER_CLUB_EMAIL}`)
    .replace(':email', NEW_RSO_EMAIL)
    .replace(/gallery-media\/(photo\/)?:id/, `gallery-media/$1${UNKNOWN_ID}`)
    .replace(':id', '{id}');
}

function planFromCollection(linkName: string): PlannedRequest[] {
  const collection = JSON.parse(readFileSync(postmanFile, 'utf8')) as { item: { item: CollectionItem[] }[] };
  const planned = collection.item
    .flatMap((folder) => folder.item)
    .flatMap(({ request }): PlannedRequest[] => {
      const route = `/${request.url.path.join('/')}`;
      const key = `${request.method} ${route}`;
      const credentials = credentialsOf(route, request.auth);
      const base = { method: request.method, route };
      const path = fillPath(route, linkName);
      const body = request.body ? JSON.parse(request.body.raw) : undefined;
      const example = EXAMPLES[key];
      return [
        { ...base, variant: 'collection', request: { path, credentials, body } },
        ...(credentials.kind === 'none'
          ? []
          : [
              {
                ...base,
                variant: 'no-credentials',
                request: { path, credentials: { kind: 'none' as const }, body },
              },
            ]),
        ...(example
          ? [{ ...base, variant: 'example', request: { path, credentials, body: example(linkName) } }]
          : []),
      ];
    });
  const rank = (request: PlannedRequest) => LAST.indexOf(`${request.method} ${request.route}`);
  return [
    ...planned.filter((request) => rank(request) < 0),
    ...LAST.flatMap((key) => planned.filter((request) => `${request.method} ${request.route}` === key)),
  ];
}

describe('recorded answers for every request of the Postman collection (embedded platform, demo data)', () => {
  let testPlatform: TestPlatform;
  let linkName: string;
  let officerPassword = FIRST_OFFICER_PASSWORD;
  const recorded: RecordedAnswer[] = recording
    ? []
    : (JSON.parse(readFileSync(fixtureFile, 'utf8')) as RecordedAnswer[]);

  beforeAll(async () => {
    testPlatform = await startTestPlatform('answers', {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      FRONTEND_BASE_URL: 'http://web.test',
      SEED_DEMO: '1',
    });
    const { api } = testPlatform;
    const officer = await api('/api/user/login', {
      body: { email: OFFICER_EMAIL, password: FIRST_OFFICER_PASSWORD },
    });
    linkName = (await api('/api/admin/profile', { token: officer.body.access })).body.link_name;
    // A student's recommended clubs are the ones sharing the most interests, then the newest, then by
    // club id (a random UUID), and the demo clubs share one creation instant: three clubs registered
    // one after another with the student's interests as tags are an unambiguous top three.
    const admin = (await api('/api/monitor/login', { body: ADMIN })).body.access as string;
    for (const n of [1, 2, 3]) {
      const email = `recorded.robotics.${n}@berkeley.edu`;
      await api('/api/monitor/rso', { body: { email }, token: admin });
      const registered = await api('/api/user/register', {
        body: registrationBody({
          name: `Recorded Robotics ${n}`,
          email,
          password: 'Recorded-robotics-2026!',
          tags: STUDENT_INTERESTS,
        }),
      });
      expect(registered.status).toBe(200);
      const mail = await eventually(
        () =>
          testPlatform.events.find(
            (e) => e.type === 'EmailRequested' && (e.data as { to: string }).to === email,
          ),
        SETUP_WAIT_MS,
      );
      await fetch((mail.data as { variables: { confirm_url: string } }).variables.confirm_url, {
        redirect: 'manual',
      });
      await eventually(
        async () => (await api(`/api/catalog/organizations/recorded-robotics-${n}`)).status === 200,
        SETUP_WAIT_MS,
      );
    }
    // Similar clubs come from the recommender once it has read the catalog: wait for them, as a
    // visitor's page would show them.
    await eventually(
      async () => (await api(`/api/catalog/organizations/${linkName}`)).body.recommended_clubs?.length === 3,
      SETUP_WAIT_MS,
    );
    // Recommendations depend on the recommender's model, which trains in the background: pin the
    // model of the settled corpus (a forced retrain; the second one starts after any retrain the
    // catalog's arrival had started), so that every replay answers from the same model.
    const recommender = apiAt(testPlatform.platform.serviceUrls.recommender!);
    await eventually(async () => (await recommender('/internal/model')).body.model, SETUP_WAIT_MS);
    for (let i = 0; i < 2; i++) {
      expect((await recommender('/internal/retrain', { body: { force: true } })).status).toBe(200);
    }
  }, 180_000);
  afterAll(() => testPlatform?.stop());

  /** A new session of the role, so that one request ending a session never spoils the next. */
  async function tokensOf(role: Role): Promise<{ access: string; refresh: string }> {
    const [route, body] =
      role === 'admin'
        ? ['/api/monitor/login', ADMIN]
        : role === 'student'
          ? ['/api/student/login', STUDENT]
          : ['/api/user/login', { email: OFFICER_EMAIL, password: officerPassword }];
    const answer = await testPlatform.api(route, { body });
    expect(answer.status, `${role} sign-in`).toBe(200);
    return answer.body;
  }

  /** The id `{id}` stands for: the last tag (the one the test adds), else the first item of the list. */
  async function idFor(request: PlannedRequest): Promise<string> {
    if (request.route.startsWith('/api/monitor/tags')) {
      const tags = (await testPlatform.api('/api/catalog/tags')).body as { id: number }[];
      return String(tags.at(-1)?.id);
    }
    const list = request.route.replace('/:id', '');
    const { access } = await tokensOf('officer');
    const answer = await testPlatform.api(list, { token: access });
    const items = (
      Array.isArray(answer.body) ? answer.body : Object.values(answer.body).find(Array.isArray)
    ) as { id: string }[] | undefined;
    return items?.[0]?.id ?? UNKNOWN_ID;
  }

  async function send(planned: PlannedRequest): Promise<RecordedAnswer> {
    const { request } = planned;
    const headers: Record<string, string> = {};
    const { credentials } = request;
    if (credentials.kind === 'basic') {
      headers.authorization = `Basic ${Buffer.from(`${OFFICER_EMAIL}:${officerPassword}`).toString('base64')}`;
    } else if (credentials.kind === 'bearer') {
      headers.authorization = `Bearer ${(await tokensOf(credentials.role))[credentials.token]}`;
    }
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const path = request.path.includes('{id}')
      ? request.path.replace('{id}', await idFor(planned))
      : request.path;
    const res = await fetch(`${testPlatform.platform.url}${path}`, {
      method: planned.method,
      redirect: 'manual',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const baseUrl = testPlatform.platform.url;
    const location = res.headers.get('location');
    const answer: RecordedAnswer = {
      ...planned,
      status: res.status,
      contentType: res.headers.get('content-type'),
      ...(location === null ? {} : { location: normalise(location, baseUrl) }),
      body: normalise(await res.text(), baseUrl),
    };
    if (`${planned.method} ${planned.route}` === 'POST /api/admin/change-password' && res.status === 200) {
      officerPassword = NEW_OFFICER_PASSWORD;
    }
    return answer;
  }

  // Registered only when recording, so that a normal run has no always-skipped test.
  if (recording) {
    it('records the answers (RECORD_ANSWERS=1)', { timeout: 120_000 }, async () => {
      const answers: RecordedAnswer[] = [];
      for (const planned of planFromCollection(linkName)) answers.push(await send(planned));
      writeFileSync(fixtureFile, `${JSON.stringify(answers, null, 2)}\n`);
    });
    return;
  }

  it('the fixture covers every request of the collection', () => {
    const routes = (requests: PlannedRequest[]) =>
      [...new Set(requests.map((request) => `${request.method} ${request.route}`))].sort();
    expect(routes(recorded)).toEqual(routes(planFromCollection('any-club')));
  });

  // One test per request, in the recorded order (each may depend on the ones before, as a client's
  // session would): a mismatch names the request and shows the difference.
  for (const expected of recorded) {
    it(`${expected.method} ${expected.request.path} (${expected.variant})`, async () => {
      const { status, contentType, location, body, ...planned } = expected;
      expect(await send(planned)).toEqual(expected);
    });
  }
});
