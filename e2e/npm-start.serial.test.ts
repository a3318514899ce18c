import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { eventually } from '@sproul/common/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEMO_OFFICER_PASSWORD } from '../scripts/src/demo-accounts.js';
import { freePort, launch, repoRoot, type Spawned, waitForHttp } from './support/processes.js';

const run = promisify(execFile);
const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('npm start (embedded mode)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-start-'));
  let running: Spawned | undefined;

  // A failed test must not leave its npm start holding the data directory for the next.
  afterEach(async () => {
    await running?.stop();
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  // The first test holds npm start to its 15 s; the others only need it to come up.
  const start = async (budgetMs = 15_000) => {
    const port = await freePort();
    // The gateway's /readyz and /metrics are served on its internal listener only.
    const internalPort = await freePort();
    running = launch('npm', ['start'], {
      env: { PORT: String(port), INTERNAL_PORT: String(internalPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    const ms = await waitForHttp(`http://127.0.0.1:${port}/healthz`, budgetMs, running);
    return { port, internalPort, ms };
  };

  it('answers /healthz through the gateway within 15 s, ready, and prints its URL', {
    timeout: 60_000,
  }, async () => {
    const { port, internalPort, ms } = await start();
    // For the run's log: how long it took, and how busy the machine was (1-minute load average).
    console.info(
      `npm start: /healthz after ${ms} ms (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
    );
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404);
    const ready = await fetch(`http://127.0.0.1:${internalPort}/readyz`);
    const body = await ready.json();
    expect(ready.status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual([
      'auth',
      'catalog',
      'engagement',
      'mailer',
      'media',
      'monitor',
      'recommender',
    ]);
    expect(running!.output()).toContain(`ready at http://127.0.0.1:${port}`);
    const unknown = await fetch(`http://127.0.0.1:${port}/api/no-such-route`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 'error' });
    // The printed URL is a page, and the demo accounts are printed with their passwords.
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(running!.output()).toContain(`bearbots@berkeley.edu  password: ${DEMO_OFFICER_PASSWORD}`);
    await running!.stop();
    expect(running!.output()).toContain('sproul.club stopped cleanly');
  });

  it('owns its data: a second start refuses, admin:create goes through the running one', {
    timeout: 120_000,
  }, async () => {
    const { port } = await start(60_000);
    const second = launch('npm', ['start'], {
      env: { PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    const [code] = (await once(second.child, 'exit')) as [number];
    expect(code).not.toBe(0);
    expect(second.output()).toContain('cannot start: The data directory');
    expect(second.output()).toContain('is in use by process');

    // The account is created by the running instance, so it can sign in through its gateway at once.
    const created = await run(
      process.execPath,
      [path.join(repoRoot, 'scripts/dist/admin-create.js'), '--email', 'dean@campus.edu'],
      { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } },
    );
    expect(created.stdout).toContain('created (by the running instance');
    const password = /password: (\S+)/.exec(created.stdout)![1];
    const login = await post(`http://127.0.0.1:${port}/api/monitor/login`, {
      email: 'dean@campus.edu',
      password,
    });
    expect(login.status).toBe(200);
    // Still there after a restart: it was written by the process that owns the data.
    await running!.stop();
    const again = await start(60_000);
    const relogin = await post(`http://127.0.0.1:${again.port}/api/monitor/login`, {
      email: 'dean@campus.edu',
      password,
    });
    expect(relogin.status).toBe(200);
    await running!.stop();
    expect(existsSync(`${path.join(dataDir, 'embedded')}.lock`)).toBe(false);
  });

  it('starts after a killed one, with its demo accounts as before', { timeout: 120_000 }, async () => {
    await start(60_000);
    const group = running!.child.pid!;
    const killed = once(running!.child, 'exit');
    process.kill(-group, 'SIGKILL');
    await killed;
    await eventually(() => {
      try {
        process.kill(-group, 0);
        return false;
      } catch {
        return true;
      }
    });
    // The killed process left its lock behind; it names a dead process, so it does not count.
    expect(existsSync(`${path.join(dataDir, 'embedded')}.lock`)).toBe(true);
    const { port } = await start(60_000);
    const login = await post(`http://127.0.0.1:${port}/api/user/login`, {
      email: 'bearbots@berkeley.edu',
      password: DEMO_OFFICER_PASSWORD,
    });
    expect(login.status).toBe(200);
    await running!.stop();
  });

  it('restarts with its data intact', { timeout: 90_000 }, async () => {
    // Leave a mark in one service's schema while stopped, as that service's own writes would be.
    const embedded = await EmbeddedPostgres.open(path.join(dataDir, 'embedded'));
    await embedded.client.query(
      `insert into auth.inbox (consumer, event_id, type) values ('restart-test', '00000000-0000-4000-8000-000000000001', 'Marker')`,
    );
    await embedded.close();

    const { internalPort } = await start(60_000);
    expect((await fetch(`http://127.0.0.1:${internalPort}/readyz`)).status).toBe(200);
    await running!.stop();
    expect(running!.output()).toContain('sproul.club stopped cleanly');

    const reopened = await EmbeddedPostgres.open(path.join(dataDir, 'embedded'));
    const marks = await reopened.client.query(`select type from auth.inbox where consumer = 'restart-test'`);
    const migrations = await reopened.client.query(`select count(*)::int as n from drizzle.auth_migrations`);
    await reopened.close();
    expect(marks.rows).toEqual([{ type: 'Marker' }]);
    // Each of auth's migrations applied exactly once, however many starts: as many rows as its journal has.
    expect(migrations.rows).toEqual([{ n: authMigrations() }]);
  });
});

/** How many migrations auth's drizzle journal lists. */
function authMigrations(): number {
  const journal = JSON.parse(
    readFileSync(path.join(repoRoot, 'services/auth/drizzle/meta/_journal.json'), 'utf8'),
  );
  return (journal as { entries: unknown[] }).entries.length;
}
