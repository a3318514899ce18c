import { startJobs } from '@sproul/common/service';
import {
  eventually,
  infraAvailable,
  openStorage,
  type Storage,
  type TokenIssuer,
  testLogger,
  tokenIssuer,
} from '@sproul/common/testing';
import { parseCampusDateTime } from '@sproul/common/time';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clubs } from '../src/data-access/schema.js';
import { refreshRecruitingStatuses } from '../src/domain/recruiting/refresh-recruiting-statuses.js';
import { type CatalogHarness, startCatalog } from './monitor-harness.js';

const CAMPUS = 'America/Los_Angeles';
const MANUAL_TICKS = { RECRUITING_CHECK_INTERVAL_MS: '0' };
/** A wall-clock time on campus, as the web client's forms send it. */
const campus = (wallClock: string) => new Date(parseCampusDateTime(wallClock, CAMPUS)!);

const statusOf = async (catalog: CatalogHarness, id: string) => {
  const [row] = await catalog.db.select({ newMembers: clubs.newMembers }).from(clubs).where(eq(clubs.id, id));
  return row?.newMembers;
};
const tick = (catalog: CatalogHarness, at: string) =>
  refreshRecruitingStatuses(catalog.service.context.outbox, new Date(at));

/**
 * Resolves once `count` of the instants a job of this interval ticks at (multiples of it on the wall
 * clock, as the service's jobs) have passed: a job stopped before then has had that many chances to tick.
 */
async function tickInstantsPass(intervalMs: number, count: number) {
  let ticks = 0;
  const marker = startJobs(
    [
      {
        name: 'marker',
        every: () => intervalMs,
        run: async () => {
          ticks += 1;
        },
      },
    ],
    { ctx: undefined, config: undefined, logger: testLogger(), clock: () => new Date() },
  );
  try {
    await eventually(() => ticks >= count);
  } finally {
    await marker.stop();
  }
}

/** Lock requests waiting in this database (a transaction blocked on an advisory lock). */
async function lockRequestsWaiting(client: pg.Client) {
  const result = await client.query(
    `select 1 from pg_locks
      where locktype = 'advisory' and not granted
        and database = (select oid from pg_database where datname = current_database())`,
  );
  return result.rowCount ?? 0;
}

describe('the recruiting-status scheduler', () => {
  let auth: TokenIssuer;
  let storage: Storage;
  let closeStorage: () => Promise<void>;
  let catalog: CatalogHarness;

  beforeAll(async () => {
    auth = await tokenIssuer();
    ({ storage, close: closeStorage } = await openStorage('embedded'));
    // The test drives the ticks with its own clock: the service's timer stays off.
    catalog = await startCatalog(auth, storage, MANUAL_TICKS);
  });
  afterAll(async () => {
    await catalog?.close();
    await closeStorage?.();
    await auth?.close();
  });

  it('closes recruiting at the campus deadline on the day clocks spring forward (the hour that does not exist)', async () => {
    // 2026-03-08: Los Angeles jumps from 02:00 PST to 03:00 PDT. 03:30 PDT is 10:30 UTC; read with the
    // winter offset it would be 11:30 UTC, and upstream compared it with PST wall-clock "now" (§4.5).
    const club = await catalog.addClub({
      name: 'Spring Forward',
      ownerEmail: 'spring@berkeley.edu',
      appRequired: false,
      newMembers: false,
      recruitingStart: campus('2026-03-01 09:00'),
      recruitingEnd: campus('2026-03-08 03:30'),
    });
    expect(club.recruitingEnd?.toISOString()).toBe('2026-03-08T10:30:00.000Z');

    expect(await tick(catalog, '2026-03-01T16:59:00Z')).toEqual({ acted: true, changed: [] });
    expect(await tick(catalog, '2026-03-01T17:01:00Z')).toEqual({ acted: true, changed: [club.linkName] });
    expect(await statusOf(catalog, club.id)).toBe(true);
    await tick(catalog, '2026-03-08T10:29:00Z'); // 03:29 PDT
    expect(await statusOf(catalog, club.id)).toBe(true);
    await tick(catalog, '2026-03-08T10:31:00Z'); // 03:31 PDT: closed, although 11:30 UTC is still ahead
    expect(await statusOf(catalog, club.id)).toBe(false);
  });

  it('uses the apply deadlines of a club that requires an application, across the autumn repeat of 01:00–02:00', async () => {
    // 2026-11-01: 01:30 happens twice in Los Angeles (PDT, then PST). An offset picks which.
    const club = await catalog.addClub({
      name: 'Fall Back',
      ownerEmail: 'fall@berkeley.edu',
      appRequired: true,
      newMembers: true,
      // Recruiting dates are ignored when an application is required.
      recruitingStart: campus('2026-01-01 00:00'),
      recruitingEnd: campus('2026-12-31 00:00'),
      applyDeadlineStart: new Date('2026-10-25T09:00:00-07:00'),
      applyDeadlineEnd: new Date('2026-11-01T01:30:00-08:00'), // the second 01:30 (PST) = 09:30 UTC
    });
    await tick(catalog, '2026-11-01T08:45:00Z'); // the first 01:45 (PDT): still open
    expect(await statusOf(catalog, club.id)).toBe(true);
    await tick(catalog, '2026-11-01T09:29:00Z'); // 01:29 PST
    expect(await statusOf(catalog, club.id)).toBe(true);
    await tick(catalog, '2026-11-01T09:31:00Z');
    expect(await statusOf(catalog, club.id)).toBe(false);
    await tick(catalog, '2026-10-20T00:00:00Z'); // before the window opens
    expect(await statusOf(catalog, club.id)).toBe(false);
  });

  it('leaves the officer’s own choice alone without both dates, and announces only real changes', async () => {
    const halfDated = await catalog.addClub({
      name: 'Half Dated',
      ownerEmail: 'half@berkeley.edu',
      appRequired: true,
      newMembers: true,
      applyDeadlineStart: new Date('2020-01-01T00:00:00Z'),
    });
    const undated = await catalog.addClub({
      name: 'Undated',
      ownerEmail: 'undated@berkeley.edu',
      newMembers: true,
    });
    const window = {
      appRequired: false,
      recruitingStart: new Date('2027-02-01T08:00:00Z'),
      recruitingEnd: new Date('2027-02-10T08:00:00Z'),
    };
    const opens = await catalog.addClub({ name: 'Opens', ownerEmail: 'opens@berkeley.edu', ...window });
    // Hidden clubs are kept right too, so they show the right status once visible.
    const hidden = await catalog.addClub({
      name: 'Hidden',
      ownerEmail: 'hidden@berkeley.edu',
      confirmed: false,
      ...window,
    });
    const lastUpdated = opens.lastUpdated.toISOString();
    type Update = { clubId: string; changed: string[]; club: { new_members: boolean; visible: boolean } };
    const mine = new Set([halfDated.id, undated.id, opens.id, hidden.id]);
    const updates = () =>
      catalog.published<Update>('ClubUpdated', 1).filter((event) => mine.has(event.clubId));

    const first = await tick(catalog, '2027-02-05T00:00:00Z');
    expect(first.changed.sort()).toEqual([hidden.linkName, opens.linkName].sort());
    expect(await statusOf(catalog, halfDated.id)).toBe(true);
    expect(await statusOf(catalog, undated.id)).toBe(true);
    const announced = await eventually(() => (updates().length === 2 ? updates() : undefined));
    expect(announced.find((event) => event.clubId === opens.id)).toEqual({
      clubId: opens.id,
      changed: ['new_members'],
      club: expect.objectContaining({ new_members: true, visible: true }),
    });
    expect(announced.find((event) => event.clubId === hidden.id)?.club.visible).toBe(false);

    // A second tick in the same state changes and announces nothing.
    expect(await tick(catalog, '2027-02-05T00:01:00Z')).toEqual({ acted: true, changed: [] });
    await catalog.publishedSoFar();
    expect(updates()).toHaveLength(2);
    // A status flip is not an edit of the club's page.
    const [row] = await catalog.db.select().from(clubs).where(eq(clubs.id, opens.id));
    expect(row?.lastUpdated.toISOString()).toBe(lastUpdated);
  });
});

describe('the scheduler inside the running service', () => {
  it('ticks on its own in the service process, and stops with it', { timeout: 60_000 }, async () => {
    const auth = await tokenIssuer();
    const { storage, close: closeStorage } = await openStorage('embedded');
    const catalog = await startCatalog(auth, storage, { RECRUITING_CHECK_INTERVAL_MS: '200' });
    try {
      const now = Date.now();
      const club = await catalog.addClub({
        name: 'Live',
        ownerEmail: 'live@berkeley.edu',
        newMembers: false,
        recruitingStart: new Date(now - 60_000),
        recruitingEnd: new Date(now + 3_600_000),
      });
      await eventually(() => statusOf(catalog, club.id), 5_000);
      await catalog.close();
      // Stopped: a club that should flip stays as it is.
      const db = catalog.db;
      await db.update(clubs).set({ newMembers: false }).where(eq(clubs.id, club.id));
      await tickInstantsPass(200, 2);
      expect(await statusOf(catalog, club.id)).toBe(false);
    } finally {
      await closeStorage();
      await auth.close();
    }
  });
});

describe.runIf(await infraAvailable('postgres'))('two catalog replicas on one PostgreSQL database', () => {
  let auth: TokenIssuer;
  let storage: Storage;
  let drop: () => Promise<void>;
  let replicas: CatalogHarness[];

  beforeAll(async () => {
    auth = await tokenIssuer();
    ({ storage, close: drop } = await openStorage('postgres', 'catalog'));
    // One after the other: the first runs the migrations.
    replicas = [
      await startCatalog(auth, storage, MANUAL_TICKS),
      await startCatalog(auth, storage, MANUAL_TICKS),
    ];
  });
  afterAll(async () => {
    for (const replica of replicas ?? []) await replica.close();
    await drop?.();
    await auth?.close();
  });

  it('lets one replica act per tick: the other skips while the lock is held, and no change is announced twice', async () => {
    const [a, b] = replicas as [CatalogHarness, CatalogHarness];
    const created = [];
    for (let i = 0; i < 20; i++) {
      created.push(
        await a.addClub({
          name: `Replica Club ${i}`,
          ownerEmail: `replica${i}@berkeley.edu`,
          newMembers: false,
          recruitingStart: new Date('2028-01-01T00:00:00Z'),
          recruitingEnd: new Date('2028-02-01T00:00:00Z'),
        }),
      );
    }
    // A replica in the middle of a tick holds the lock: the other skips rather than waits.
    const holder = new pg.Client({ connectionString: storage.kind === 'postgres' ? storage.url : '' });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(hashtext('catalog:recruiting-status'))`);
      expect(await tick(b, '2028-01-15T00:00:00Z')).toEqual({ acted: false, changed: [] });
      expect(await statusOf(b, created[0]!.id)).toBe(false);
      await holder.query('commit');
    } finally {
      await holder.end();
    }

    // Both tick at the same instant, as they do on the wall-clock minute.
    const results = await Promise.all([tick(a, '2028-01-15T00:00:00Z'), tick(b, '2028-01-15T00:00:00Z')]);
    const changed = results.flatMap((result) => result.changed);
    expect(changed.sort()).toEqual(created.map((club) => club.linkName).sort());
    for (const club of created) expect(await statusOf(a, club.id)).toBe(true);

    const mine = new Set(created.map((club) => club.id));
    const updates = () =>
      [
        ...a.published<{ clubId: string }>('ClubUpdated', 1),
        ...b.published<{ clubId: string }>('ClubUpdated', 1),
      ].filter((event) => mine.has(event.clubId));
    await eventually(() => updates().length >= created.length);
    // Everything either replica committed is recorded before counting.
    await a.publishedSoFar();
    await b.publishedSoFar();
    const ids = updates().map((event) => event.clubId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(created.length);
  });
  it('waits for a tag change in progress (which rewrites clubs too) instead of racing it', async () => {
    const [a] = replicas as [CatalogHarness];
    const holder = new pg.Client({ connectionString: storage.kind === 'postgres' ? storage.url : '' });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(`select pg_advisory_xact_lock(hashtext('catalog:tags'))`);
      let finished = false;
      const pending = tick(a, '2028-03-01T00:00:00Z').then((result) => {
        finished = true;
        return result;
      });
      await eventually(async () => (await lockRequestsWaiting(holder)) > 0);
      expect(finished).toBe(false);
      await holder.query('commit');
      expect((await pending).acted).toBe(true);
    } finally {
      await holder.end();
    }
  });
});
