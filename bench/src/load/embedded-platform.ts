// `npm start`'s composition for a load run: the gateway and every service in one process on PGlite,
// started as its own process (scripts/dist/embedded.js, what `npm start` runs) so that the load
// generator shares no event loop with it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { freePort, launchGroup, waitForHttp } from '@sproul/common/testing';
import { type LoadPlatform, loadSettings } from './platform.js';

export async function startEmbeddedProcess(root: string): Promise<LoadPlatform> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-bench-load-embedded-'));
  const [port, internalPort] = [await freePort(), await freePort()];
  const admin = { email: 'load-admin@campus.test', password: 'Load-admin-pass-42!' };
  const env = {
    ...loadSettings,
    PORT: String(port),
    INTERNAL_PORT: String(internalPort),
    DATA_DIR: dataDir,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
  };
  const internal = `http://127.0.0.1:${internalPort}`;
  const url = `http://127.0.0.1:${port}`;
  const start = async () => {
    const group = launchGroup(process.execPath, ['scripts/dist/embedded.js'], { cwd: root, env });
    await waitForHttp(`${internal}/readyz`, 180_000, group);
    return group;
  };
  let group = await start();
  const platform: LoadPlatform = {
    mode: 'embedded',
    url,
    admin,
    processes: [{ name: 'embedded', metricsUrl: `${internal}/metrics`, pid: group.child.pid }],
    async sentMail() {
      const all = (await (await fetch(`${url}/_dev/mail.json`)).json()) as {
        to: string;
        subject: string;
        text: string | null;
      }[];
      return all.map((mail) => ({ to: mail.to, subject: mail.subject, text: mail.text ?? '' }));
    },
    async insertClubs(write) {
      // The data belongs to one process at a time: stop, write, start again (the catalog's caches
      // then start empty, and it reads the clubs as its own).
      await group.stop();
      const database = await EmbeddedPostgres.open(path.join(dataDir, 'embedded'));
      try {
        await write((text, values) => database.client.query(text, values as unknown[]));
        await database.client.query('vacuum analyze');
      } finally {
        await database.close();
      }
      group = await start();
      platform.processes = [{ name: 'embedded', metricsUrl: `${internal}/metrics`, pid: group.child.pid }];
    },
    async stop() {
      await group.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return platform;
}
