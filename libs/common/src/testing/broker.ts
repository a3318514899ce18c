import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Stops and starts the local RabbitMQ application (the node keeps running, connections drop), for
 * fault-injection tests. `restore` is safe to call in `finally` whatever state the broker is in.
 */
export const rabbitmq = {
  async stop() {
    await run('rabbitmqctl', ['stop_app'], { timeout: 60_000 });
  },
  async start() {
    await run('rabbitmqctl', ['start_app'], { timeout: 120_000 });
    await run('rabbitmqctl', ['await_startup'], { timeout: 120_000 });
  },
  async restore() {
    try {
      await this.start();
    } catch {
      // The node itself is down: start it the way the machine does.
      await run('rabbitmq-server', ['-detached'], { timeout: 30_000 });
      await run(
        'rabbitmqctl',
        ['wait', '--timeout', '120', '/var/lib/rabbitmq/mnesia/rabbit@localhost.pid'],
        {
          timeout: 150_000,
        },
      ).catch(() => {});
      await run('rabbitmqctl', ['await_startup'], { timeout: 120_000 });
    }
  },
};
