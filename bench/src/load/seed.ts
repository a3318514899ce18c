// The data set of a load run, made before any request is measured: generated clubs written straight
// into the catalog (a thousand sign-ups through the API would take longer than the run), then officers
// and students signed up through the gateway as people do it (RSO list, registration, the confirmation
// link from the sent mail, sign-in), and the officers' events, which the students later RSVP to.
import { eventually, jsonClient, registrationBody } from '@sproul/common/testing';
import { generateClub, insertCatalogClubs, TOPICS } from '../catalog/generated-clubs.js';
import type { DataSet, Officer, SignedIn } from './data-set.js';
import type { LoadPlatform } from './platform.js';
import { inPool } from './pool.js';

export interface SeedSize {
  clubs: number;
  officers: number;
  students: number;
  eventsPerOfficer: number;
}

const HOUR = 3_600_000;
const CONFIRM_SUBJECT = 'Please confirm your email';
const CONFIRM_LINK = /http:\/\/\S+\/api\/user\/confirm\/\S+/;
/** Each seeded user's own address (the gateway believes X-Forwarded-For from loopback). */
const addressOf = (kind: 'officer' | 'student', i: number) =>
  `10.${kind === 'officer' ? 1 : 2}.${Math.floor(i / 250)}.${1 + (i % 250)}`;

export async function seedDataSet(
  platform: LoadPlatform,
  size: SeedSize,
  log: (line: string) => void,
): Promise<DataSet> {
  const api = jsonClient(platform.url, { stringsAs: 'json' });
  const as = (ip: string) => ({ 'x-forwarded-for': ip });
  const started = Date.now();

  const generated = Array.from({ length: Math.max(0, size.clubs - size.officers) }, (_, i) =>
    generateClub(i),
  );
  await platform.insertClubs(async (query) => {
    for (let i = 0; i < generated.length; i += 500) {
      await insertCatalogClubs({ query }, generated.slice(i, i + 500), i);
    }
  });
  log(`${generated.length} generated clubs written into the catalog (${seconds(started)} s)`);

  const tags = ((await api('/api/catalog/tags')).body as { id: number }[]).map((tag) => tag.id);
  if (tags.length === 0) throw new Error('the catalog has no tags');
  const adminLogin = await api('/api/monitor/login', { body: platform.admin, headers: as('10.0.0.1') });
  if (adminLogin.status !== 200) throw new Error(`admin sign-in: ${adminLogin.status}`);
  const adminToken = adminLogin.body.access as string;

  // Officers: on the RSO list, then each registers a club.
  const officerAccounts = Array.from({ length: size.officers }, (_, i) => ({
    email: `load-officer-${i}@berkeley.edu`,
    password: `Load-officer-${i}-Rows!`,
    club: `Load Test ${TOPICS[i % TOPICS.length]} Circle ${i}`,
    ip: addressOf('officer', i),
  }));
  await inPool(officerAccounts, 4, async (officer, i) => {
    const listed = await api('/api/monitor/rso', {
      body: { email: officer.email },
      token: adminToken,
      headers: as('10.0.0.1'),
    });
    if (listed.status !== 200) throw new Error(`RSO list refused ${officer.email}: ${listed.status}`);
    const registered = await api('/api/user/register', {
      headers: as(officer.ip),
      body: registrationBody({
        name: officer.club,
        email: officer.email,
        password: officer.password,
        tags: [tags[i % tags.length]!],
      }),
    });
    if (registered.status !== 200) {
      throw new Error(
        `registration of ${officer.email}: ${registered.status} ${JSON.stringify(registered.body)}`,
      );
    }
  });
  log(`${size.officers} officers registered (${seconds(started)} s)`);

  const studentAccounts = Array.from({ length: size.students }, (_, i) => ({
    email: `load-student-${i}@berkeley.edu`,
    password: `Load-student-${i}-Reads!`,
    name: `Load Student ${i}`,
    ip: addressOf('student', i),
  }));
  await inPool(studentAccounts, 4, async (student) => {
    const registered = await api('/api/student/register', {
      headers: as(student.ip),
      body: { email: student.email, password: student.password, name: student.name },
    });
    if (registered.status !== 200) {
      throw new Error(
        `registration of ${student.email}: ${registered.status} ${JSON.stringify(registered.body)}`,
      );
    }
  });
  log(`${size.students} students registered (${seconds(started)} s)`);

  // Every account follows its confirmation link, read from the mail the platform sent.
  const everyone = [...officerAccounts, ...studentAccounts];
  const links = await eventually(
    async () => {
      const found = new Map<string, string>();
      for (const mail of await platform.sentMail()) {
        const link = mail.subject === CONFIRM_SUBJECT ? mail.text.match(CONFIRM_LINK)?.[0] : undefined;
        if (link) found.set(mail.to, link);
      }
      return everyone.every((account) => found.has(account.email)) ? found : undefined;
    },
    120_000,
    1_000,
  );
  await inPool(everyone, 8, async (account) => {
    const confirmed = await fetch(links.get(account.email)!, { redirect: 'manual', headers: as(account.ip) });
    if (confirmed.status !== 302) throw new Error(`confirmation of ${account.email}: ${confirmed.status}`);
  });
  log(`${everyone.length} accounts confirmed (${seconds(started)} s)`);

  // Officers sign in once auth knows their club (it learns of it from the catalog's ClubCreated).
  const officers: Officer[] = await inPool(officerAccounts, 4, (officer) =>
    eventually(
      async () => {
        const login = await api('/api/user/login', {
          headers: as(officer.ip),
          body: { email: officer.email, password: officer.password },
        });
        if (login.status !== 200) return undefined;
        const profile = await api('/api/admin/profile', {
          token: login.body.access,
          headers: as(officer.ip),
        });
        if (profile.status !== 200) return undefined;
        return {
          access: login.body.access as string,
          ip: officer.ip,
          link: profile.body.link_name as string,
        };
      },
      60_000,
      500,
    ),
  );
  const students: SignedIn[] = await inPool(studentAccounts, 4, async (student) => {
    const login = await api('/api/student/login', {
      headers: as(student.ip),
      body: { email: student.email, password: student.password },
    });
    if (login.status !== 200) throw new Error(`sign-in of ${student.email}: ${login.status}`);
    return { access: login.body.access as string, ip: student.ip };
  });
  log(`${officers.length} officers and ${students.length} students signed in (${seconds(started)} s)`);

  // Each officer's club holds events next week; engagement learns of them from the catalog's events.
  const events = (
    await inPool(officers, 4, async (officer, i) => {
      const made: { link: string; id: string }[] = [];
      for (let e = 0; e < size.eventsPerOfficer; e++) {
        const starts = new Date(Date.now() + (7 * 24 + i + e * 24) * HOUR);
        const name = `Load night ${i}-${e}`;
        const added = await api('/api/admin/events', {
          token: officer.access,
          headers: as(officer.ip),
          body: {
            name,
            location: 'Eshleman Hall',
            description: 'Meet the club under load.',
            event_start: starts.toISOString(),
            event_end: new Date(starts.getTime() + 2 * HOUR).toISOString(),
          },
        });
        if (added.status !== 200)
          throw new Error(`event of ${officer.link}: ${added.status} ${JSON.stringify(added.body)}`);
        const id = (added.body as { id: string; name: string }[]).find((event) => event.name === name)!.id;
        made.push({ link: officer.link, id });
      }
      return made;
    })
  ).flat();
  await inPool(events, 4, (event) =>
    eventually(
      async () => (await api(`/api/clubs/${event.link}/events/${event.id}/rsvp`)).status === 200 || undefined,
      120_000,
      500,
    ),
  );
  log(`${events.length} events known to engagement (${seconds(started)} s)`);

  const words = TOPICS.filter((word) => word.length >= 4);
  return {
    clubs: [...generated.map((club) => club.linkName), ...officers.map((officer) => officer.link)],
    tags,
    words,
    officers,
    students,
    events,
  };
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
