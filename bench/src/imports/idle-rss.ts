// A service's resident memory once it is up and idle: started as `npm run stack` starts it (its own
// process, services/<name>/dist/start.js), with a fresh database and RabbitMQ vhost of its own.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, createTestVhost, infraUrls, sleep } from '@sproul/common/testing';
import { freePort } from '../ports.js';

const PEERS = ['auth', 'catalog', 'media', 'mailer', 'recommender', 'monitor', 'engagement'];
const MB = 1024 * 1024;

/** VmRSS of a running process, in bytes. */
const vmRss = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB$/m);
  if (!line?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(line[1]) * 1024;
};

async function waitHealthy(child: ChildProcess, port: number, stderr: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${stderr()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(500) })
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`no /healthz within 60 s: ${stderr()}`);
}

/** Resident memory once two 500 ms steps in a row each move it by under 1 MB (at most 10 s). */
async function settledRss(pid: number) {
  const samples = [vmRss(pid)];
  const deadline = Date.now() + 10_000;
  const steady = () =>
    samples.slice(-3).every((value, i, last) => i === 0 || Math.abs(value - last[i - 1]!) < MB);
  while (Date.now() < deadline && (samples.length < 3 || !steady())) {
    await sleep(500);
    samples.push(vmRss(pid));
  }
  return samples.at(-1)!;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Idle resident memory (bytes) of the service `name` built in the checkout at `root`. */
export async function idleRss(root: string, name: string): Promise<number> {
  const [database, vhost] = await Promise.all([
    name === 'gateway' ? undefined : createTestDatabase(`bench_${name}`),
    createTestVhost(`bench_${name}`),
  ]);
  const [port, internalPort, publicPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const peers = await Promise.all(
    PEERS.map(async (peer) => [`${peer.toUpperCase()}_URL`, `http://127.0.0.1:${await freePort()}`]),
  );
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...Object.fromEntries(peers),
    PORT: String(port),
    AMQP_URL: vhost.url,
    REDIS_URL: infraUrls.redis,
    DATABASE_URL: database?.url,
    PUBLIC_BASE_URL: `http://127.0.0.1:${publicPort}`,
    KEY_ENCRYPTION_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'error',
    // One gateway process (the stack's default is one worker per core), its internal listener on a free port.
    GATEWAY_WORKERS: '1',
    INTERNAL_PORT: String(internalPort),
    RATE_LIMIT_PREFIX: `bench:${randomBytes(4).toString('hex')}`,
  };
  const child = spawn(process.execPath, [path.join(root, `services/${name}/dist/start.js`)], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-2_000);
  });
  try {
    await waitHealthy(child, port, () => stderr);
    return await settledRss(child.pid!);
  } finally {
    await stop(child);
    await Promise.all([database?.drop(), vhost.drop()]);
  }
}
