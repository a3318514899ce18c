import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import { makeEvent } from '../src/events/make-event.js';
import { eventually } from '../src/testing/index.js';
import { infraAvailable } from '../src/testing/infra.js';
import { effectCount, effectIds, type Harness, openHarness, uniqueQueue } from './fixtures/harness.js';

const script = fileURLToPath(new URL('./fixtures/consumer-process.ts', import.meta.url));

async function startConsumer(url: string, exchange: string, queue: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', script, url, exchange, queue, '3'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  await eventually(() => output.includes('ready') || child.exitCode !== null, 30_000);
  if (child.exitCode !== null) throw new Error(`consumer exited with ${child.exitCode}`);
  return child;
}

describe('a consumer process killed with SIGKILL mid-batch', async () => {
  const available = await infraAvailable('postgres', 'rabbitmq');
  let harness: Harness;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    if (available) harness = await openHarness('rabbitmq');
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await harness?.close();
  });

  it.skipIf(!available)(
    'loses no event: after restart every effect is present exactly once',
    { timeout: 120_000 },
    async () => {
      const queue = uniqueQueue('crash');
      const first = await startConsumer(harness.url!, harness.exchange!, queue);
      children.push(first);
      const events = Array.from({ length: 400 }, (_, i) =>
        makeEvent(
          UserRegisteredV1,
          { userId: `c${i}`, email: `c${i}@berkeley.edu`, role: 'student', name: null, club: null },
          'test',
        ),
      );
      await harness.bus.publish(events);

      // Kill it while it is part-way through: some effects committed, a batch open.
      await eventually(async () => (await effectCount(harness.database, queue)) >= 60, 30_000, 5);
      first.kill('SIGKILL');
      await once(first, 'exit');
      const atKill = await effectCount(harness.database, queue);
      expect(atKill).toBeLessThan(events.length);

      children.push(await startConsumer(harness.url!, harness.exchange!, queue));
      await eventually(
        async () => (await effectCount(harness.database, queue)) >= events.length,
        60_000,
        100,
      );
      // A marker published behind them: the queue delivers in order (messages the killed consumer held
      // went back where they were), so any duplicate still on its way is in once the marker is.
      const marker = makeEvent(
        UserRegisteredV1,
        { userId: 'marker', email: 'marker@berkeley.edu', role: 'student', name: null, club: null },
        'test',
      );
      await harness.bus.publish([marker]);
      await eventually(async () => (await effectIds(harness.database, queue)).includes(marker.id), 60_000);
      const handled = (await effectIds(harness.database, queue)).filter((id) => id !== marker.id);
      expect(handled).toHaveLength(events.length);
      expect(new Set(handled)).toEqual(new Set(events.map((e) => e.id)));
    },
  );
});
