import { connect } from 'node:net';

export type InfraKind = 'postgres' | 'rabbitmq' | 'redis';

export const infraUrls = {
  postgres: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432',
  rabbitmq: process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  redis: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

/** Whether something accepts TCP connections at the URL's host and port (within a second). */
export const reachable = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect({ host: hostname, port: Number(port), timeout: 1_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });

/**
 * Whether the servers a test needs are reachable. Without them the test is skipped, unless
 * REQUIRE_INFRA=1 (CI), where a missing server is a failure rather than a silent skip.
 */
export async function infraAvailable(...kinds: InfraKind[]): Promise<boolean> {
  const missing: InfraKind[] = [];
  for (const kind of kinds) if (!(await reachable(infraUrls[kind]))) missing.push(kind);
  if (missing.length === 0) return true;
  if (process.env.REQUIRE_INFRA === '1') {
    throw new Error(
      `REQUIRE_INFRA=1 but ${missing.join(', ')} unreachable (${missing.map((k) => infraUrls[k]).join(', ')})`,
    );
  }
  return false;
}
