import { describe, expect, it } from 'vitest';
import { InProcessBus } from '../src/bus/in-process-bus.js';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import { makeEvent } from '../src/events/make-event.js';

const registered = (email: string) =>
  makeEvent(
    UserRegisteredV1,
    { userId: crypto.randomUUID(), email, role: 'student', name: 'S', club: null },
    'auth',
  );

describe('InProcessBus.idle', () => {
  it('waits for handling, retries and what handlers publish, so a test can assert without sleeping', async () => {
    const bus = new InProcessBus();
    const handled: string[] = [];
    let failures = 0;
    await bus.subscribe({
      queue: 'first',
      routingKeys: ['user.registered.v1'],
      maxAttempts: 3,
      retryDelaysMs: [30],
      handleBatch: async (deliveries) => {
        const emails = deliveries.map((d) => (d.body as { data: { email: string } }).data.email);
        // The first attempt fails once: idle() must also wait for the retry.
        if (failures++ === 0) throw new Error('first attempt fails');
        handled.push(...emails);
        // A handler that publishes keeps the bus busy until the follow-up is handled too.
        if (emails.includes('a@berkeley.edu')) await bus.publish([registered('follow-up@berkeley.edu')]);
        return deliveries.map(() => ({ kind: 'ack' }) as const);
      },
    });
    await bus.publish([registered('a@berkeley.edu')]);
    await bus.idle();
    expect(handled).toEqual(['a@berkeley.edu', 'follow-up@berkeley.edu']);
    await bus.close();
  });

  it('is immediate on a bus with nothing to do, and ignores cancelled subscriptions', async () => {
    const bus = new InProcessBus();
    await bus.idle();
    const subscription = await bus.subscribe({
      queue: 'stuck',
      routingKeys: ['#'],
      maxAttempts: 1,
      retryDelaysMs: [10],
      handleBatch: async (deliveries) => deliveries.map(() => ({ kind: 'ack' }) as const),
    });
    await subscription.cancel();
    await bus.publish([registered('b@berkeley.edu')]);
    await bus.idle();
    await bus.close();
  });
});
