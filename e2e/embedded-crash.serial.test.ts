import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { eventually } from '@sproul/common/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { registrationBody } from './support/officer.js';
import { apiAt } from './support/platform.js';
import { freePort, launch, type Spawned, waitForHttp } from './support/processes.js';

const ADMIN = { email: 'admin@crash.test', password: 'Admin-pass-42!' };
const PASSWORD = 'Robots-4-ever!';
const OFFICERS = 400;
/** Registrations in flight at once, as a crowd of officers signing up on the first day. */
const CONCURRENCY = 16;
const emailOf = (i: number) => `officer${i}@crash.berkeley.edu`;
/** Each officer from their own address (the gateway believes loopback's X-Forwarded-For), as a crowd is. */
const from = (email: string) => {
  const i = Number(/\d+/.exec(email)![0]);
  return { 'x-forwarded-for': `10.15.${i >> 8}.${i & 255}` };
};

// `npm start`'s process, killed without warning in the middle of a burst of sign-ups: whatever it
// accepted must come back whole after a restart, each officer's account with its club, exactly once.
describe('the embedded platform killed during a registration burst', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-crash-'));
  let running: Spawned | undefined;
  let port = 0;

  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    // The gateway's /readyz is on its internal listener, not its public port.
    const internalPort = await freePort();
    running = launch(process.execPath, ['scripts/dist/embedded.js'], {
      env: {
        PORT: String(port),
        INTERNAL_PORT: String(internalPort),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        // The test stands in for many clients behind a proxy on loopback (see `from`).
        TRUST_PROXY: 'loopback',
      },
    });
    await waitForHttp(`http://127.0.0.1:${internalPort}/readyz`, 60_000, running);
  };

  it('loses no club for an account it accepted', { timeout: 300_000 }, async () => {
    port = await freePort();
    await start();
    const api = apiAt(`http://127.0.0.1:${port}`);
    const admin = await api('/api/monitor/login', { body: ADMIN });
    expect(admin.status).toBe(200);
    const emails = Array.from({ length: OFFICERS }, (_, i) => emailOf(i));
    expect(
      (await api('/api/monitor/rso/import', { body: { emails }, token: admin.body.access })).status,
    ).toBe(200);
    const tags = (await api('/api/catalog/tags')).body as { id: number; name: string }[];
    const registration = (email: string) =>
      registrationBody({
        name: `Club of ${email}`,
        email,
        password: PASSWORD,
        tags: [tags[0]!.id],
        app_required: true,
      });
    // The first one also waits until auth has learnt the catalog's tags (an event at first start).
    await eventually(
      async () =>
        (await api('/api/user/register', { body: registration(emails[0]!), headers: from(emails[0]!) }))
          .status === 200,
    );

    // The burst, and a SIGKILL once a good part of it has been accepted: the rest is in flight.
    const accepted = new Set<string>([emails[0]!]);
    let next = 1;
    let killed = false;
    const worker = async () => {
      while (next < OFFICERS && !killed) {
        const email = emails[next++]!;
        const answer = await api('/api/user/register', {
          body: registration(email),
          headers: from(email),
        }).catch(() => undefined);
        if (answer?.status === 200) accepted.add(email);
        if (accepted.size >= OFFICERS / 2 && !killed) {
          killed = true;
          process.kill(running!.child.pid!, 'SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(killed).toBe(true);
    await eventually(() => running!.child.exitCode !== null || running!.child.signalCode !== null);
    const attempted = emails.slice(0, next);

    await start();
    // Every account that exists (those accepted, and any whose answer the crash cut off) has its club.
    const withAccount: string[] = [];
    const check = async (email: string) => {
      const login = await api('/api/user/login', {
        body: { email, password: PASSWORD },
        headers: from(email),
      });
      if (accepted.has(email)) expect(login.status, email).toBe(200);
      if (login.status !== 200) return;
      withAccount.push(email);
      const profile = await eventually(async () => {
        const answer = await api('/api/admin/profile', { token: login.body.access });
        return answer.status === 200 ? answer : undefined;
      }, 20_000).catch(() => undefined);
      expect(profile?.body, `club of ${email}`).toMatchObject({ owner: email });
    };
    const queue = [...attempted];
    await Promise.all(
      Array.from({ length: CONCURRENCY / 2 }, async () => {
        for (let email = queue.shift(); email; email = queue.shift()) await check(email);
      }),
    );
    expect(withAccount.length).toBeGreaterThanOrEqual(accepted.size);

    await running!.stop();
    // Exactly once: one club per officer account, no more (the catalog's demo clubs aside).
    const embedded = await EmbeddedPostgres.open(path.join(dataDir, 'embedded'));
    try {
      const officers = await embedded.client.query<{ n: number }>(
        `select count(*)::int as n from auth.accounts where email like '%@crash.berkeley.edu'`,
      );
      const clubs = await embedded.client.query<{ n: number; owners: number }>(
        `select count(*)::int as n, count(distinct owner_email)::int as owners from catalog.clubs
         where owner_email like '%@crash.berkeley.edu'`,
      );
      expect(officers.rows[0]!.n).toBe(withAccount.length);
      expect(clubs.rows[0]).toEqual({ n: withAccount.length, owners: withAccount.length });
    } finally {
      await embedded.close();
    }
  });
});
