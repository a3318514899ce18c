import { UserRegisteredV1 } from '@sproul/common/events';
import {
  bootService,
  eventually,
  openStorage,
  type Storage,
  storageKinds,
  type TokenIssuer,
  tokenIssuer,
} from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorService } from '../src/index.js';
import { eventHistory, startMonitor } from './monitor-harness.js';

describe.each(await storageKinds())('asking the owning services for a replay (%s)', (kind) => {
  let auth: TokenIssuer;
  let storage: Storage;
  let closeStorage: () => Promise<void>;

  beforeAll(async () => {
    auth = await tokenIssuer();
    ({ storage, close: closeStorage } = await openStorage(kind, 'monitor'));
  });
  afterAll(async () => {
    await closeStorage?.();
    await auth?.close();
  });

  const boot = () => bootService(monitorService, { storage, config: { AUTH_URL: auth.url } });
  const requests = (monitors: { published: (type: string) => unknown[] }[]) =>
    monitors.flatMap((monitor) => monitor.published('ReadModelReplayRequested'));

  it('asks on a first start, and not on a restart', async () => {
    const first = await boot();
    await eventually(() => requests([first]).length === 1);
    await first.close();
    const restarted = await boot();
    await (restarted.bus as { idle(): Promise<void> }).idle();
    expect(requests([restarted])).toHaveLength(0);
    await restarted.close();
  });

  it('drops the restatable read models and asks again when an admin rebuilds them', async () => {
    // The statistics' clock a minute ahead, so that the event made below is in its past.
    const monitor = await startMonitor(auth, storage, new Date(Date.now() + 60_000));
    const event = eventHistory();
    await monitor.feed([
      event(
        UserRegisteredV1,
        { userId: 'o1', email: 'o1@berkeley.edu', role: 'officer', name: null, club: null },
        new Date(),
      ),
    ]);
    const registered = async () =>
      (await monitor.get('/api/monitor/overview/stats/sign-up')).body.club_admin.main.clubs_registered;
    expect(await registered()).toBe(1);
    const rebuildAs = async (role: 'officer' | 'admin') =>
      fetch(monitor.url('/api/monitor/read-models/rebuild'), {
        method: 'POST',
        headers: { authorization: `Bearer ${await auth.token(role)}` },
      });
    expect((await rebuildAs('officer')).status).toBe(401);
    expect(await registered()).toBe(1);
    const rebuild = await rebuildAs('admin');
    expect(rebuild.status).toBe(202);
    const { replay_id } = (await rebuild.json()) as { replay_id: string };
    // Nobody answers here (no auth service): the dropped account stays dropped until one does.
    expect(await registered()).toBe(0);
    await eventually(() =>
      monitor
        .published<{ replayId: string }>('ReadModelReplayRequested')
        .some((r) => r.replayId === replay_id),
    );
    await monitor.close();
  });
});
