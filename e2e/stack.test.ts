import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { createTestVhost, eventually, infraAvailable, infraUrls } from '@sproul/common/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { registrationBody } from './support/officer.js';
import { apiAt } from './support/platform.js';
import { freePortRange, type Spawned, waitForHttp } from './support/processes.js';
import {
  answers200,
  createStackAdmin,
  dropStackDatabases,
  launchStack,
  STACK_SERVICES,
} from './support/stack.js';

const run = promisify(execFile);
const SERVICES = STACK_SERVICES;

describe('npm run stack (a process per service, real PostgreSQL and RabbitMQ)', async () => {
  const available = await infraAvailable('postgres', 'rabbitmq', 'redis');
  const prefix = `test_stack_${randomBytes(3).toString('hex')}`;
  let stack: Spawned | undefined;
  let port = 0;
  // Its own vhost: the stack's queues (sproul.catalog…) must not be shared with another test's stack.
  const vhost = available ? await createTestVhost('stack') : undefined;

  afterAll(async () => {
    await stack?.stop();
    await vhost?.drop();
    if (!available) return;
    await dropStackDatabases(prefix);
  });

  it.skipIf(!available)(
    'starts every service as its own process, each with its own database, all ready',
    { timeout: 120_000 },
    async () => {
      // The gateway's port and the six after it (the services'), all free.
      port = await freePortRange(8);
      stack = launchStack(
        { port, prefix, amqpUrl: vhost!.url },
        {
          // The test signs officers up from addresses of their own (X-Forwarded-For from loopback).
          TRUST_PROXY: 'loopback',
          STACK_RESTART_BASE_MS: '200',
          // Sign-ups are retried until auth has learnt the catalog's tags: one-second rate-limit windows.
          RATE_LIMIT_FACTOR: '0.001',
          // A fresh vhost: auth may bind its queue after the catalog's start-up TagChanged went out; the
          // next announcement (every 2 s here, 5 min by default) brings it the tags.
          METADATA_ANNOUNCE_INTERVAL_MS: '2000',
        },
      );
      // The gateway's readiness is on its internal listener (PORT + 1000), not its public port.
      await waitForHttp(`http://127.0.0.1:${port + 1000}/readyz`, 100_000, stack);
      const ready = await (await fetch(`http://127.0.0.1:${port + 1000}/readyz`)).json();
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404);
      expect(Object.keys(ready.checks).sort()).toEqual(SERVICES);

      // Each service is its own process with its own database, and its own readiness says so.
      const admin = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
      await admin.connect();
      const { rows } = await admin.query(`select datname from pg_database where datname like $1 order by 1`, [
        `${prefix}_%`,
      ]);
      await admin.end();
      expect(rows.map((r) => r.datname)).toEqual(SERVICES.map((s) => `${prefix}_${s}`));
      const auth = await (await fetch(`http://127.0.0.1:${port + 1}/readyz`)).json();
      expect(auth).toMatchObject({
        service: 'auth',
        ready: true,
        checks: { database: { ok: true }, bus: { ok: true } },
      });

      const unknown = await fetch(`http://127.0.0.1:${port}/api/catalog/nothing`);
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).status).toBe('error');

      // The development sign-on provider is the embedded mode's alone: here student sign-on waits
      // for a real provider (OIDC_ISSUER).
      const signOn = await fetch(`http://127.0.0.1:${port}/api/student/login`, { redirect: 'manual' });
      expect(signOn.status).toBe(503);
      expect(await signOn.json()).toMatchObject({ reason: 'Single sign-on is not configured' });
      // The home page is there in every mode, without demo accounts.
      const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      expect(home).toContain('<a href="/api/docs">');
      expect(home).not.toContain('Demo accounts');
    },
  );

  it.skipIf(!available)(
    'restarts a service killed with SIGKILL, which then applies what was published while it was down',
    { timeout: 120_000 },
    async () => {
      expect(stack?.child.exitCode, 'the stack from the first test is running').toBeNull();
      const admin = { email: 'admin@stack.test', password: 'Admin-pass-42!' };
      await createStackAdmin(prefix, admin);
      const api = apiAt(`http://127.0.0.1:${port}`);
      const from = { 'x-forwarded-for': `10.42.${randomBytes(1)[0]}.${randomBytes(1)[0]}` };
      const adminToken = (await api('/api/monitor/login', { body: admin, headers: from })).body
        .access as string;
      const officer = (n: number) => `officer${n}-${prefix}@berkeley.edu`;
      let tags: { id: number }[] | undefined;
      const signUp = async (email: string) => {
        await api('/api/monitor/rso', { body: { email }, token: adminToken });
        // Read while the catalog is up, and kept: the sign-up itself needs only auth.
        tags ??= (await api('/api/catalog/tags')).body as { id: number }[];
        return api('/api/user/register', {
          headers: from,
          body: registrationBody({
            name: `Club ${email}`,
            email,
            password: 'Robots-4-ever!',
            tags: [tags[0]!.id],
          }),
        });
      };
      // Signs in once (sign-ins are rate-limited), then asks for the club as often as needed.
      const tokens = new Map<string, string>();
      const profileOf = async (email: string) => {
        if (!tokens.has(email)) {
          const login = await api('/api/user/login', {
            headers: from,
            body: { email, password: 'Robots-4-ever!' },
          });
          if (login.status !== 200) return login;
          tokens.set(email, login.body.access);
        }
        return api('/api/admin/profile', { token: tokens.get(email) });
      };
      // Once auth knows the catalog's tags, a sign-up gets its club: everything is wired.
      await answers200(() => signUp(officer(1)));
      await answers200(() => profileOf(officer(1)));

      // The catalog's process, found in the stack's process group.
      const catalogPid = async () => {
        const { stdout } = await run('ps', ['-o', 'pid=,args=', '-g', String(stack!.child.pid)]);
        const line = stdout.split('\n').find((l) => l.includes('services/catalog/dist/start.js'));
        return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
      };
      const killed = (await catalogPid())!;
      expect(killed).toBeGreaterThan(0);
      process.kill(killed, 'SIGKILL');
      // While the catalog is down, auth accepts a sign-up: its UserRegistered waits in the catalog's queue.
      expect((await signUp(officer(2))).status).toBe(200);

      // It comes back as a new process.
      await eventually(async () => {
        const pid = await catalogPid();
        return pid !== undefined && pid !== killed;
      }, 30_000);
      expect(stack!.output()).toMatch(/catalog +\| exited \(SIGKILL\); restart 1 in \d+ ms/);
      const profile = await answers200(() => profileOf(officer(2)), 60_000);
      expect(profile.body).toMatchObject({ owner: officer(2) });
      // The mailer sent both confirmation emails to the stack's SES emulator (PORT + 15).
      const inbox = async () =>
        (
          (await (await fetch(`http://127.0.0.1:${port + 15}/store`)).json()) as {
            emails: { destination: { to: string[] }; subject: string }[];
          }
        ).emails;
      for (const email of [officer(1), officer(2)]) {
        const mail = await eventually(async () =>
          (await inbox()).find((m) => m.destination.to.includes(email)),
        );
        expect(mail.subject).toBe('Please confirm your email');
      }
      // The others were never stopped, and the stack is still running.
      expect(stack!.output()).not.toMatch(
        /(auth|gateway|monitor|mailer|media|recommender|engagement|ses) +\| (exited|stopped)/,
      );
      expect(stack!.child.exitCode).toBeNull();

      // SIGTERM stops every service cleanly, and the stack ends without giving up.
      await stack!.stop();
      expect(stack!.output()).toMatch(/catalog +\| stopped/);
      expect(stack!.output()).toContain('sproul.club stack stopped\n');
    },
  );
});
