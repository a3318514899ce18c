import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from '@sproul/common';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, launch, type Spawned, waitForHttp } from './support/processes.js';

describe('npm start (embedded mode)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-start-'));
  let running: Spawned | undefined;

  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const port = await freePort();
    // The gateway's /readyz and /metrics are served on its internal listener only.
    const internalPort = await freePort();
    running = launch('npm', ['start'], {
      env: { PORT: String(port), INTERNAL_PORT: String(internalPort), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    const ms = await waitForHttp(`http://127.0.0.1:${port}/healthz`, 15_000, running);
    return { port, internalPort, ms };
  };

  it('answers /healthz through the gateway within 15 s, ready, and prints its URL', {
    timeout: 60_000,
  }, async () => {
    const { port, internalPort } = await start();
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404);
    const ready = await fetch(`http://127.0.0.1:${internalPort}/readyz`);
    const body = await ready.json();
    expect(ready.status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual([
      'auth',
      'catalog',
      'mailer',
      'media',
      'monitor',
      'recommender',
    ]);
    expect(running!.output()).toContain(`ready at http://127.0.0.1:${port}`);
    const unknown = await fetch(`http://127.0.0.1:${port}/api/no-such-route`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 'error' });
    await running!.stop();
    expect(running!.output()).toContain('sproul.club stopped cleanly');
  });

  it('restarts with its data intact', { timeout: 90_000 }, async () => {
    // Leave a mark in one service's schema while stopped, as that service's own writes would be.
    const embedded = await EmbeddedPostgres.open(path.join(dataDir, 'embedded'));
    await embedded.client.query(
      `insert into auth.inbox (consumer, event_id, type) values ('restart-test', '00000000-0000-4000-8000-000000000001', 'Marker')`,
    );
    await embedded.close();

    const { internalPort } = await start();
    expect((await fetch(`http://127.0.0.1:${internalPort}/readyz`)).status).toBe(200);
    await running!.stop();
    expect(running!.output()).toContain('sproul.club stopped cleanly');

    const reopened = await EmbeddedPostgres.open(path.join(dataDir, 'embedded'));
    const marks = await reopened.client.query(`select type from auth.inbox where consumer = 'restart-test'`);
    const migrations = await reopened.client.query(`select count(*)::int as n from drizzle.auth_migrations`);
    await reopened.close();
    expect(marks.rows).toEqual([{ type: 'Marker' }]);
    expect(migrations.rows).toEqual([{ n: 1 }]);
  });
});
