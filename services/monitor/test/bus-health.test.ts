import { makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorOn } from './monitor-harness.js';

// The admin web app's event bus page: each service queue's depth, and dead letters put back on demand.
describe('/api/monitor/bus', () => {
  let monitor: Awaited<ReturnType<typeof monitorOn>>;

  beforeAll(async () => {
    monitor = await monitorOn('embedded', new Date());
  });
  afterAll(() => monitor?.close());

  const depthOf = async (queue: string) => {
    const answer = await monitor.get('/api/monitor/bus');
    expect(answer.status).toBe(200);
    return (answer.body as { queues: { queue: string; waiting: number; dead: number }[] }).queues.find(
      (one) => one.queue === queue,
    );
  };

  it('lists every service queue, and replays a dead letter once its handler works again', async () => {
    const health = await monitor.get('/api/monitor/bus');
    expect(health.body).toMatchObject({ connected: true, reason: null });
    expect((health.body as { queues: { queue: string }[] }).queues.map((one) => one.queue)).toEqual([
      'auth',
      'catalog',
      'media',
      'mailer',
      'mailer-bulk',
      'mailer-sms',
      'recommender',
      'monitor',
      'engagement',
    ]);

    // A consumer on the catalog's queue (on the monitor's own bus here) that fails until it is fixed.
    let fixed = false;
    const handled: string[] = [];
    await monitor.bus.subscribe({
      queue: 'catalog',
      routingKeys: ['user.registered.v1'],
      maxAttempts: 1,
      retryDelaysMs: [10],
      async handleBatch(deliveries) {
        return deliveries.map((delivery) => {
          if (!fixed) return { kind: 'retry', error: 'not yet' };
          handled.push((delivery.body as { id: string }).id);
          return { kind: 'ack' };
        });
      },
    });
    const event = makeEvent(
      UserRegisteredV1,
      { userId: 'u1', email: 'officer@berkeley.edu', role: 'officer', name: null, club: null },
      'test',
    );
    await monitor.bus.publish([event]);
    await eventually(async () => (await depthOf('catalog'))?.dead === 1);
    expect(await depthOf('catalog')).toEqual({ queue: 'catalog', waiting: 0, dead: 1 });

    fixed = true;
    const replay = await monitor.client('/api/monitor/bus/catalog/replay', {
      method: 'POST',
      token: await monitor.auth.token('admin'),
    });
    expect(replay.body).toEqual({ status: 'success', replayed: 1 });
    await eventually(() => handled.includes(event.id));
    expect(await depthOf('catalog')).toEqual({ queue: 'catalog', waiting: 0, dead: 0 });
  });

  it('is for admins only, and refuses a queue that is not a service’s', async () => {
    for (const role of ['officer', 'student'] as const) {
      const answer = await monitor.get('/api/monitor/bus', await monitor.auth.token(role));
      expect(answer.status, role).toBeGreaterThanOrEqual(401);
      expect(answer.status, role).toBeLessThanOrEqual(403);
    }
    expect((await monitor.get('/api/monitor/bus', null)).status).toBe(401);
    const unknown = await monitor.client('/api/monitor/bus/sproul.events/replay', {
      method: 'POST',
      token: await monitor.auth.token('admin'),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ status: 'error', reason: expect.any(String) });
  });
});
