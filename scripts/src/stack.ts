// `npm run stack`: every service as its own process against real PostgreSQL, RabbitMQ and Redis
// (defaults: localhost), one database per service (created on first start by the service itself).
// Output is prefixed with the service's name; Ctrl-C or SIGTERM stops them all.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceNames } from './service-names.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const postgresBase = env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const amqpUrl = env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const gatewayPort = Number(env.PORT ?? 8080);
// Databases are named <prefix>_<service>: sproul_auth, sproul_catalog, …
const databasePrefix = env.STACK_DB_PREFIX ?? 'sproul';

const children: ChildProcess[] = [];
function launch(name: string, extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, `services/${name}/dist/start.js`)], {
    cwd: root,
    env: { ...env, AMQP_URL: amqpUrl, REDIS_URL: redisUrl, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `${name.padEnd(12)}| `;
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    process.stdout.write(`${prefix}exited (${signal ?? code})\n`);
    if (!stopping) stop(1);
  });
  children.push(child);
}

// Services sit on the ports right after the gateway's: 8081 to 8086 by default. Each is told where
// the others are (the catalog verifies tokens with auth's keys and asks the recommender), whatever PORT is.
const serviceEnv: Record<string, string> = {};
const portOf = (index: number) => gatewayPort + index + 1;
for (const [index, name] of serviceNames.entries()) {
  serviceEnv[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${portOf(index)}`;
}
for (const [index, name] of serviceNames.entries()) {
  const port = portOf(index);
  launch(name, {
    ...serviceEnv,
    PORT: String(port),
    DATABASE_URL: `${postgresBase}/${databasePrefix}_${name}`,
    PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${gatewayPort}`,
  });
}
launch('gateway', { PORT: String(gatewayPort), ...serviceEnv });
process.stdout.write(`sproul.club stack starting; gateway at http://127.0.0.1:${gatewayPort}\n`);

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  const deadline = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 15_000);
  Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve))),
    ),
  ).then(() => {
    clearTimeout(deadline);
    process.exit(code);
  });
}
process.on('SIGTERM', () => stop());
process.on('SIGINT', () => stop());
