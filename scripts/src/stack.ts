// `npm run stack`: every service as its own process against real PostgreSQL, RabbitMQ and Redis
// (defaults: localhost), one database per service (created on first start by the service itself).
// Output is prefixed with the service's name; a service that dies is restarted with a growing back-off;
// Ctrl-C or SIGTERM stops them all.
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceNames } from './service-names.js';
import { parseReplicas, type Replicas } from './stack-replicas.js';
import { developmentKeySecret } from './stack-secret.js';
import { Supervisor } from './supervisor.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const postgresBase = env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const amqpUrl = env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const gatewayPort = Number(env.PORT ?? 8080);
// Databases are named <prefix>_<service>: sproul_auth, sproul_catalog, …
const databasePrefix = env.STACK_DB_PREFIX ?? 'sproul';
let replicas: Replicas;
try {
  replicas = parseReplicas(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(78);
}
// Auth seals its signing keys with KEY_ENCRYPTION_SECRET; a developer's stack keeps one of its own.
if (!env.KEY_ENCRYPTION_SECRET) {
  const kept = developmentKeySecret(env.DATA_DIR ?? path.join(root, '.data'));
  env.KEY_ENCRYPTION_SECRET = kept.secret;
  process.stdout.write(
    `KEY_ENCRYPTION_SECRET is unset: using the development secret ${kept.created ? 'made now in' : 'kept in'} ${kept.file}\n`,
  );
}

// The mailer signs unsubscribe links; a developer's stack derives its secret from the one above.
env.UNSUBSCRIBE_SECRET ??= createHmac('sha256', env.KEY_ENCRYPTION_SECRET)
  .update('unsubscribe')
  .digest('base64url');
// Engagement signs event tickets; derived the same way.
env.TICKET_SECRET ??= createHmac('sha256', env.KEY_ENCRYPTION_SECRET).update('tickets').digest('base64url');

const number = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) {
    process.stderr.write(`${name} must be a non-negative number of milliseconds or restarts\n`);
    process.exit(78);
  }
  return value;
};
// A service that dies is started again after a growing back-off (see supervisor.ts); the stack exits
// (non-zero) only when one keeps dying, or (zero) on SIGTERM / SIGINT after stopping every service.
const supervisor = new Supervisor({
  restartBaseMs: number('STACK_RESTART_BASE_MS', 500),
  restartMaxMs: number('STACK_RESTART_MAX_MS', 30_000),
  stableMs: number('STACK_STABLE_MS', 30_000),
  maxRestarts: number('STACK_MAX_RESTARTS', 8),
});
function launch(name: string, extraEnv: Record<string, string>, script = `services/${name}/dist/start.js`) {
  supervisor.add({
    name,
    command: process.execPath,
    args: [path.join(root, script)],
    cwd: root,
    env: { ...env, AMQP_URL: amqpUrl, REDIS_URL: redisUrl, ...extraEnv },
  });
}

// Services sit on the ports right after the gateway's: 8081 to 8087 by default. Each is told where
// the others are (the catalog verifies tokens with auth's keys and asks the recommender), whatever PORT is.
const serviceEnv: Record<string, string> = {};
// No S3 configured: s3rver behind its signature-checking front, supervised like a service, on the port
// after the services' (8090 by default), with keys of this developer's own (derived like the one above).
if (!env.S3_ENDPOINT) {
  const s3Port = String(gatewayPort + 10);
  Object.assign(env, {
    S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID ?? 'stack',
    S3_SECRET_ACCESS_KEY:
      env.S3_SECRET_ACCESS_KEY ??
      createHmac('sha256', env.KEY_ENCRYPTION_SECRET).update('sproul s3 store').digest('base64url'),
  });
  launch(
    's3',
    { S3_PORT: s3Port, DATA_DIR: env.DATA_DIR ?? path.join(root, '.data') },
    'scripts/dist/s3-server.js',
  );
}
const portOf = (index: number) => gatewayPort + index + 1;
// A service's further instances sit from PORT + 20 on, ten ports per service: catalog's 2nd and 3rd at
// 8100 and 8101 by default (`--replicas catalog=3`).
const replicaPorts = (index: number, name: (typeof serviceNames)[number]) =>
  Array.from({ length: replicas[name] }, (_, n) =>
    n === 0 ? portOf(index) : gatewayPort + 20 + index * 10 + n - 1,
  );
// The gateway balances over every instance (a comma-separated list); the services, which call each
// other by one URL, are given the first.
const gatewayTargets: Record<string, string> = {};
for (const [index, name] of serviceNames.entries()) {
  const urls = replicaPorts(index, name).map((port) => `http://127.0.0.1:${port}`);
  serviceEnv[`${name.toUpperCase()}_URL`] = urls[0]!;
  gatewayTargets[`${name.toUpperCase()}_URL`] = urls.join(',');
}
// No SES configured: the mailer sends to an emulator run as one more supervised process.
const sesEndpoint = env.SES_ENDPOINT || `http://127.0.0.1:${gatewayPort + 15}`;
if (!env.SES_ENDPOINT) {
  supervisor.add({
    name: 'ses',
    command: process.execPath,
    args: [path.join(root, 'scripts/dist/ses-emulator-process.js')],
    cwd: root,
    env: { ...env, PORT: String(gatewayPort + 15) },
  });
}
// Replicas of a service share its database and its queue (consumers compete for its messages).
for (const [index, name] of serviceNames.entries()) {
  const ports = replicaPorts(index, name);
  for (const [n, port] of ports.entries()) {
    launch(
      ports.length === 1 ? name : `${name}-${n + 1}`,
      {
        ...serviceEnv,
        PORT: String(port),
        DATABASE_URL: `${postgresBase}/${databasePrefix}_${name}`,
        PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${gatewayPort}`,
        SES_ENDPOINT: sesEndpoint,
      },
      `services/${name}/dist/start.js`,
    );
  }
}
launch('gateway', {
  PORT: String(gatewayPort),
  ...gatewayTargets,
  ...(replicas.gateway > 1 ? { GATEWAY_WORKERS: String(replicas.gateway) } : {}),
});
process.stdout.write(`sproul.club stack starting; gateway at http://127.0.0.1:${gatewayPort}\n`);

process.on('SIGTERM', () => void supervisor.stop(0));
process.on('SIGINT', () => void supervisor.stop(0));
process.exitCode = await supervisor.done;
process.stdout.write(`sproul.club stack stopped${process.exitCode ? ' (gave up)' : ''}\n`);
