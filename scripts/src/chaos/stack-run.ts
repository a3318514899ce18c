// `npm run stack` for the chaos run: its own databases (prefix), its own broker vhost and Redis, quick
// restarts, and a supervisor that does not give up during a long outage (a service that cannot reach
// RabbitMQ may exit and be restarted many times before it comes back).
import { type ChildProcess, execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { launchGroup } from '@sproul/common/testing';

const run = promisify(execFile);
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ChaosStack {
  child: ChildProcess;
  /** The supervisor's and the services' output (its last 4 MB). */
  output(): string;
  /** The pid of the service's current process (in the stack's process group), if it is running. */
  pidOf(service: string): Promise<number | undefined>;
  stop(): Promise<void>;
}

export function launchChaosStack(options: {
  port: number;
  prefix: string;
  postgresUrl: string;
  amqpUrl: string;
  redisUrl: string;
  dataDir: string;
}): ChaosStack {
  const group = launchGroup('npm', ['run', 'stack'], {
    cwd: repoRoot,
    env: {
      PORT: String(options.port),
      STACK_DB_PREFIX: options.prefix,
      POSTGRES_URL: options.postgresUrl,
      AMQP_URL: options.amqpUrl,
      REDIS_URL: options.redisUrl,
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      KEY_ENCRYPTION_SECRET: 'chaos-run-key-encryption-secret',
      // Each journey signs in from its own address (X-Forwarded-For, from loopback only).
      TRUST_PROXY: 'loopback',
      RATE_LIMIT_FACTOR: '0.001',
      // A fresh vhost: a service may bind its queue after the catalog's start-up TagChanged went out.
      METADATA_ANNOUNCE_INTERVAL_MS: '2000',
      STACK_RESTART_BASE_MS: '200',
      STACK_RESTART_MAX_MS: '3000',
      STACK_MAX_RESTARTS: '1000',
    },
  });

  return {
    child: group.child,
    output: group.output,
    async pidOf(service) {
      const { stdout } = await run('ps', ['-o', 'pid=,args=', '-g', String(group.child.pid)]);
      const line = stdout.split('\n').find((l) => l.includes(`services/${service}/dist/start.js`));
      return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
    },
    async stop() {
      // npm dies of the signal first; the supervisor then stops its services.
      await group.stop(20_000);
    },
  };
}
