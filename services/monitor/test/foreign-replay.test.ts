import { randomUUID } from 'node:crypto';
import {
  AccountSnapshotV1,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  UserRegisteredV1,
} from '@sproul/common/events';
import { storageKinds } from '@sproul/common/testing';
import { describe, expect, it } from 'vitest';
import { eventHistory, monitorOn } from './monitor-harness.js';

// Engagement asks auth and the catalog for a replay on its own first start. The monitor sees the
// owners' restated events and answers, but the request is not its own: it drops nothing, records no
// answer, and asks for nothing.
describe.each(await storageKinds())('a replay another service asked for (%s)', (kind) => {
  it("keeps the monitor's read models, and leaves its own replay state alone", async () => {
    const now = new Date(Date.now() + 60_000);
    const monitor = await monitorOn(kind, now);
    try {
      const event = eventHistory();
      const registered = new Date();
      const account = { userId: 'o1', email: 'o1@berkeley.edu', role: 'officer' as const };
      await monitor.feed([event(UserRegisteredV1, { ...account, name: null, club: null }, registered)]);
      const clubsRegistered = async () =>
        (await monitor.get('/api/monitor/overview/stats/sign-up')).body.club_admin.main.clubs_registered;
      expect(await clubsRegistered()).toBe(1);

      const replayId = randomUUID();
      await monitor.feed([
        event(
          ReadModelReplayRequestedV1,
          { replayId, requestedBy: 'engagement', owners: ['auth', 'catalog'] },
          now,
        ),
        event(
          AccountSnapshotV1,
          { ...account, registeredAt: registered.toISOString(), confirmedAt: null, replayId },
          now,
        ),
        event(ReadModelReplayedV1, { replayId, service: 'auth' }, now),
        event(ReadModelReplayedV1, { replayId, service: 'catalog' }, now),
      ]);
      expect(await clubsRegistered()).toBe(1);
      expect((await monitor.get('/api/monitor/read-models')).body.replay).toBeNull();
      await monitor.service.jobs.run('replay-retry');
      // The bus's record holds the request fed above; none from the monitor.
      expect(monitor.published<{ requestedBy: string }>('ReadModelReplayRequested')).toEqual([
        expect.objectContaining({ requestedBy: 'engagement' }),
      ]);
    } finally {
      await monitor.close();
    }
  });
});
