import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { infraUrls } from './infra.js';

const run = promisify(execFile);

/**
 * A RabbitMQ virtual host of its own for one test file (exchanges, queues and their arguments are per
 * vhost, so tests sharing the broker cannot steal each other's messages or clash on declarations), with
 * the test user allowed everything in it; `drop` deletes it. Uses rabbitmqctl on this machine.
 */
export async function createTestVhost(prefix = 'test') {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const broker = new URL(infraUrls.rabbitmq);
  const user = decodeURIComponent(broker.username || 'guest');
  await run('rabbitmqctl', ['add_vhost', name], { timeout: 60_000 });
  await run('rabbitmqctl', ['set_permissions', '-p', name, user, '.*', '.*', '.*'], { timeout: 60_000 });
  broker.pathname = `/${encodeURIComponent(name)}`;
  return {
    name,
    url: broker.toString(),
    async drop() {
      await run('rabbitmqctl', ['delete_vhost', name], { timeout: 60_000 }).catch(() => {});
    },
  };
}
