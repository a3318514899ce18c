import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { eventually } from '@sproul/common/testing';
import { configSchema as gatewayConfigSchema } from '@sproul/gateway';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_OFFICER_PASSWORD } from '../scripts/src/demo-accounts.js';
import { type EmbeddedPlatform, startEmbedded } from '../scripts/src/platform.js';
import { claimsOf } from './support/claims.js';
import { apiAt } from './support/platform.js';
import { freePort } from './support/processes.js';

// A deployment from before engagement existed, as `.data` from an earlier `npm start` is: the demo clubs
// and their officers are there, and engagement's schema is not. Its first start asks auth and the
// catalog for their state, and the demo officer's club answers its membership terms and roster.
describe('engagement catching up with an existing platform (embedded)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-engagement-catch-up-'));
  let platform: EmbeddedPlatform | undefined;
  afterAll(async () => {
    await platform?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    process.env.SEED_DEMO = '1';
    const env = {
      PORT: String(await freePort()),
      INTERNAL_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    };
    platform = await startEmbedded({
      ...loadConfig(gatewayConfigSchema, env),
      ...loadConfig(commonConfigSchema, env),
      PORT: Number(env.PORT),
    });
    return apiAt(platform.url);
  };

  const officerLink = async (api: ReturnType<typeof apiAt>) => {
    const login = await api('/api/user/login', {
      body: { email: 'bearbots@berkeley.edu', password: DEMO_OFFICER_PASSWORD },
    });
    expect(login.status).toBe(200);
    const token = login.body.access as string;
    const { club } = claimsOf(token);
    return { token, club };
  };

  it('knows the clubs and officers that existed before its schema did', { timeout: 180_000 }, async () => {
    let api = await start();
    const { club } = await officerLink(api);
    await platform!.stop();
    platform = undefined;

    // Engagement never ran here: its schema and the record of its migrations go.
    const embedded = await EmbeddedPostgres.open(path.join(dataDir, 'embedded'));
    const { rows } = await embedded.client.query<{ link_name: string }>(
      'select link_name from catalog.clubs where id = $1',
      [club],
    );
    await embedded.client.query('drop schema engagement cascade');
    await embedded.client.query('drop table drizzle.engagement_migrations');
    await embedded.close();
    const link = rows[0]?.link_name;
    expect(link).toBeTruthy();

    api = await start();
    const membership = await eventually(async () => {
      const answer = await api(`/api/clubs/${link}/membership`);
      return answer.status === 200 ? answer : undefined;
    }, 30_000);
    expect(membership.body).toMatchObject({ member_count: 0 });
    const { token } = await officerLink(api);
    const roster = await eventually(async () => {
      const answer = await api(`/api/clubs/${link}/members`, { token });
      return answer.status === 200 ? answer : undefined;
    }, 30_000);
    expect(roster.body).toMatchObject({ total: 0, members: [] });
  });
});
