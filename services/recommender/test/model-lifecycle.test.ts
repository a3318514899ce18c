import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers/promises';
import type { InProcessBus } from '@sproul/common/bus';
import {
  AccountDeletedV1,
  ClubCreatedV1,
  ClubDeletedV1,
  ClubUpdatedV1,
  makeEvent,
  StudentProfileUpdatedV1,
} from '@sproul/common/events';
import { bootService, eventually, openStorage } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommenderService } from '../src/index.js';
import { clubSummary, type EvalClub, evalClubs } from './eval-campus.js';

// A campus of four kinds, six clubs each, written like the eval set (its clubs, new link names).
const campus = ['robotics', 'dance', 'investing', 'outdoor'].flatMap((kind) =>
  evalClubs.filter((club) => club.kind === kind).slice(0, 6),
);
const kindOf = new Map(campus.map((club) => [`campus-${club.id}`, club.kind]));
const summary = (club: EvalClub, visible = true) => clubSummary(club, 'campus', visible);
const created = (club: EvalClub) =>
  makeEvent(
    ClubCreatedV1,
    { clubId: club.id, ownerUserId: `owner-${club.id}`, club: summary(club) },
    'catalog',
  );

/**
 * A retrain on this thread kept it busy 99% of the time; in a worker, 24% (the paced queries' own work)
 * on the shared 2-core machine under other load. The share of time busy is what tells the two apart:
 * timers' lateness (120 ms at p99 on this thread, 24 ms with a worker) also counts the time the OS gives
 * the process no core, and a loaded CI runner made it 106 ms with the worker.
 */
const QUERY_PACE_MS = 50;
const MAX_BUSY_SHARE = 0.5;

type Booted = Awaited<ReturnType<typeof bootService>>;
const similarOf = async (service: Booted, link: string, k = 3) => {
  const res = await service.client(`/internal/similar/${link}?k=${k}`);
  return {
    status: res.status,
    links: ((res.body.similar ?? []) as { link_name: string }[]).map((s) => s.link_name),
  };
};
const modelOf = async (service: Booted) => (await service.client('/internal/model')).body;

describe('the learned model in the service', () => {
  let storage: Awaited<ReturnType<typeof openStorage>>;
  let service: Booted;
  // A wide tolerance: this suite checks the swap itself; which candidate is better is the eval's business.
  const config = { RECOMMENDER_RETRAIN_INTERVAL_MS: '0', RECOMMENDER_SWAP_TOLERANCE: '0.2' };

  beforeAll(async () => {
    storage = await openStorage('embedded');
    service = await bootService(recommenderService, { storage: storage.storage, config });
    await service.bus.publish(campus.map(created));
    // The first model trains in the background at first start; the clubs are folded into it.
    await eventually(async () => (await modelOf(service)).model, 60_000);
    // The clubs arrived after the first model's corpus was read: settle with a retrain now, so that a
    // drift retrain (seconds of CPU on this 2-core machine) does not start in the middle of a timed test.
    await (service.context as { retrain(reason: string): Promise<unknown> }).retrain('settle');
  }, 90_000);
  afterAll(async () => {
    await service?.close();
    await storage?.close();
  });

  it('answers from the model: clubs of the same kind, never the club itself', async () => {
    let right = 0;
    for (const club of campus) {
      const { status, links } = await similarOf(service, `campus-${club.id}`);
      expect(status).toBe(200);
      expect(links).toHaveLength(3);
      expect(links).not.toContain(`campus-${club.id}`);
      right += links.filter((link) => kindOf.get(link) === club.kind).length;
    }
    expect(right / (campus.length * 3)).toBeGreaterThan(0.8);
    const { model } = await modelOf(service);
    expect(['tensorflow', 'wasm', 'cpu']).toContain(model.backend);
    expect(model.figures.precision).toBeGreaterThan(0.6);
  });

  it('folds a ClubUpdated into the model: the club’s neighbours change within a second', async () => {
    const robot = campus.find((club) => club.kind === 'robotics')!;
    const dancer = campus.find((club) => club.kind === 'dance')!;
    const before = await similarOf(service, `campus-${robot.id}`);
    expect(before.links.every((link) => kindOf.get(link) === 'robotics')).toBe(true);

    const started = Date.now();
    await service.bus.publish([
      makeEvent(
        ClubUpdatedV1,
        {
          clubId: robot.id,
          changed: ['about_us', 'tags'],
          club: {
            ...summary(robot),
            tags: dancer.tags,
            about_us: dancer.about_us,
            name: 'Movement Collective',
          },
        },
        'catalog',
      ),
    ]);
    await eventually(
      async () => {
        const after = await similarOf(service, `campus-${robot.id}`);
        return after.links.filter((link) => kindOf.get(link) === 'dance').length >= 2;
      },
      1000,
      10,
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('drops a hidden or deleted club from every answer at once', async () => {
    const [hidden, deleted] = campus.filter((club) => club.kind === 'investing');
    // Ask every investing club for all its neighbours, so the two are certainly in some answers first.
    const everyone = async () =>
      (await Promise.all(campus.map((club) => similarOf(service, `campus-${club.id}`, 20)))).flatMap(
        (r) => r.links,
      );
    expect(await everyone()).toContain(`campus-${hidden!.id}`);
    await service.bus.publish([
      makeEvent(
        ClubUpdatedV1,
        { clubId: hidden!.id, changed: ['visible'], club: summary(hidden!, false) },
        'catalog',
      ),
      makeEvent(
        ClubDeletedV1,
        { clubId: deleted!.id, ownerUserId: `owner-${deleted!.id}`, link_name: `campus-${deleted!.id}` },
        'catalog',
      ),
    ]);
    await (service.bus as InProcessBus).idle();
    const answers = await everyone();
    expect(answers).not.toContain(`campus-${hidden!.id}`);
    expect(answers).not.toContain(`campus-${deleted!.id}`);
    expect((await similarOf(service, `campus-${hidden!.id}`)).status).toBe(404);
    expect((await similarOf(service, `campus-${deleted!.id}`)).status).toBe(404);
  });

  it('swaps a retrained model in atomically, answering meanwhile: this thread stays free', async () => {
    const before = (await modelOf(service)).model.version;
    const retrain = (service.context as { retrain(reason: string): Promise<{ accepted: boolean }> }).retrain(
      'test',
    );
    let done = false;
    void retrain.finally(() => {
      done = true;
    });
    // The retrain trains in a worker thread: this one (the service's) is mostly idle meanwhile. Queries
    // come at a steady pace, not back to back, so that their own work leaves it mostly idle too.
    const utilisation = performance.eventLoopUtilization();
    const outdoor = campus.filter((club) => club.kind === 'outdoor');
    let queries = 0;
    while (!done) {
      const answers = await Promise.all(outdoor.map((club) => similarOf(service, `campus-${club.id}`)));
      answers.forEach((answer, i) => {
        expect(answer.status).toBe(200);
        expect(answer.links).toHaveLength(3);
        expect(answer.links).not.toContain(`campus-${outdoor[i]!.id}`);
      });
      queries += answers.length;
      await setTimeout(QUERY_PACE_MS);
    }
    const busy = performance.eventLoopUtilization(utilisation).utilization;
    expect(queries).toBeGreaterThan(0);
    expect(busy, 'share of the retrain this thread was busy').toBeLessThan(MAX_BUSY_SHARE);
    expect((await retrain).accepted).toBe(true);
    expect((await modelOf(service)).model.version).toBeGreaterThan(before);
  }, 60_000);

  it('keeps the model version across a restart, without training', async () => {
    const { model, versions } = await modelOf(service);
    await service.close();
    service = await bootService(recommenderService, { storage: storage.storage, config });
    const after = await modelOf(service);
    expect(after.model.version).toBe(model.version);
    expect(after.training).toBe(false);
    expect(after.versions).toHaveLength(versions.length);
    expect((await similarOf(service, `campus-${campus.at(-1)!.id}`)).links).toHaveLength(3);
  });

  it('keeps the answering model when a retrained one does worse on the committed set', async () => {
    const { model } = await modelOf(service);
    // The answering version claims a perfect score: no candidate can match it.
    await service.db.execute(
      sql`update recommender.model_versions set figures = jsonb_set(figures, '{precision}', '1') where version = ${model.version}`,
    );
    await service.close();
    service = await bootService(recommenderService, { storage: storage.storage, config });
    const outcome = await (
      service.context as { retrain(reason: string): Promise<{ accepted: boolean; version: number }> }
    ).retrain('test');
    expect(outcome.accepted).toBe(false);
    const after = await modelOf(service);
    expect(after.model.version).toBe(model.version);
    expect(after.versions[0]).toMatchObject({ version: outcome.version, accepted: false, reason: 'test' });
  }, 60_000);

  it('ranks clubs for a student: popular ones with no history, near their favourites with history', async () => {
    const robots = campus.filter((club) => club.kind === 'robotics').slice(1);
    const hikers = campus.filter((club) => club.kind === 'outdoor');
    // Three other students follow the same two hiking clubs: the most popular on campus.
    await service.bus.publish(
      ['s1', 's2', 's3'].map((userId) =>
        makeEvent(
          StudentProfileUpdatedV1,
          {
            userId,
            changed: ['favorite_clubs'],
            interests: [],
            majors: [7],
            minors: [],
            year: null,
            favoriteClubIds: [hikers[0]!.id, hikers[1]!.id],
          },
          'catalog',
        ),
      ),
    );
    await (service.bus as InProcessBus).idle();
    const fresh = (await service.client('/internal/for-student/nobody?k=2')).body;
    expect(fresh.clubs.map((c: { link_name: string }) => c.link_name).sort()).toEqual(
      [`campus-${hikers[0]!.id}`, `campus-${hikers[1]!.id}`].sort(),
    );
    expect(fresh.clubs[0].reason).toEqual({ kind: 'popular' });

    // A student of the same major, with nothing else: what students of that major follow, saying so.
    await service.bus.publish([
      makeEvent(
        StudentProfileUpdatedV1,
        {
          userId: 'same-major',
          changed: ['majors'],
          interests: [],
          majors: [7],
          minors: [],
          year: null,
          favoriteClubIds: [],
        },
        'catalog',
      ),
    ]);
    await (service.bus as InProcessBus).idle();
    const major = (await service.client('/internal/for-student/same-major?k=2')).body;
    expect(major.clubs.map((c: { reason: unknown }) => c.reason)).toEqual([
      { kind: 'major', major: 7 },
      { kind: 'major', major: 7 },
    ]);

    await service.bus.publish([
      makeEvent(
        StudentProfileUpdatedV1,
        {
          userId: 'robot-fan',
          changed: ['favorite_clubs'],
          interests: [5],
          majors: [],
          minors: [],
          year: null,
          favoriteClubIds: [robots[0]!.id],
        },
        'catalog',
      ),
    ]);
    await (service.bus as InProcessBus).idle();
    const fan = (await service.client(`/internal/for-student/robot-fan?k=3&visited=${robots[1]!.id}`)).body;
    const links = fan.clubs.map((c: { link_name: string }) => c.link_name);
    expect(links).not.toContain(`campus-${robots[0]!.id}`);
    expect(links.filter((link: string) => kindOf.get(link) === 'robotics').length).toBeGreaterThanOrEqual(2);
    expect(fan.clubs[0].reason.kind).toMatch(/favorite|visited|interest/);
    // A deleted account's profile is forgotten: nothing of it shapes the answer any more.
    await service.bus.publish([
      makeEvent(
        AccountDeletedV1,
        { userId: 'robot-fan', email: 'fan@berkeley.edu', role: 'student', clubId: null },
        'auth',
      ),
    ]);
    await (service.bus as InProcessBus).idle();
    const forgotten = (await service.client('/internal/for-student/robot-fan?k=2')).body;
    expect(forgotten.clubs.map((c: { reason: unknown }) => c.reason)).toEqual([
      { kind: 'popular' },
      { kind: 'popular' },
    ]);
    expect(
      fan.clubs.some(
        (c: { reason: { kind: string; club?: string } }) => c.reason.club === `campus-${robots[0]!.id}`,
      ),
    ).toBe(true);
  });
});

describe('a tiny campus', () => {
  let storage: Awaited<ReturnType<typeof openStorage>>;
  let service: Booted;

  beforeAll(async () => {
    storage = await openStorage('embedded');
    service = await bootService(recommenderService, {
      storage: storage.storage,
      config: { RECOMMENDER_RETRAIN_INTERVAL_MS: '0' },
    });
  });
  afterAll(async () => {
    await service?.close();
    await storage?.close();
  });

  it('answers sensibly with 0, 1 and 2 clubs, empty descriptions included, before and after its model', async () => {
    const empty = { ...campus[0]!, id: 'empty-1', name: 'Club', about_us: '', get_involved: '', tags: [] };
    const check = async () => {
      expect((await similarOf(service, 'no-such-club')).status).toBe(404);
      expect((await service.client('/internal/for-student/anyone')).body.clubs).toEqual([]);
    };
    await check();
    await service.bus.publish([created(empty)]);
    await (service.bus as InProcessBus).idle();
    expect(await similarOf(service, 'campus-empty-1')).toEqual({ status: 200, links: [] });
    const other = { ...empty, id: 'empty-2', name: 'Another' };
    await service.bus.publish([created(other)]);
    await (service.bus as InProcessBus).idle();
    expect((await similarOf(service, 'campus-empty-1')).links).toEqual(['campus-empty-2']);
    expect((await service.client('/internal/for-student/anyone?k=5')).body.clubs).toHaveLength(2);

    await eventually(async () => (await modelOf(service)).model, 60_000);
    expect((await similarOf(service, 'campus-empty-1')).links).toEqual(['campus-empty-2']);
    expect((await similarOf(service, 'campus-empty-2', 20)).links).toEqual(['campus-empty-1']);
    const student = await service.client('/internal/for-student/anyone?k=5');
    expect(student.status).toBe(200);
    expect(student.body.clubs).toHaveLength(2);
  }, 90_000);
});

describe('stopping while the first model trains', () => {
  it('stops within seconds, without waiting for the training to finish', async () => {
    const storage = await openStorage('embedded');
    try {
      const service = await bootService(recommenderService, {
        storage: storage.storage,
        config: { RECOMMENDER_RETRAIN_INTERVAL_MS: '0' },
      });
      expect((await modelOf(service)).training).toBe(true);
      const started = Date.now();
      await service.close();
      // A whole training takes several seconds here; it stops at its next step instead.
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await storage.close();
    }
  }, 30_000);
});
