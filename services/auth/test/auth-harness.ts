import { type DeadLetter, InProcessBus } from '@sproul/common/bus';
import { MemoryStore } from '@sproul/common/cache';
import { RedisStore } from '@sproul/common/cache/redis';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import { type Database, openPostgres, rowsOf } from '@sproul/common/db';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { makeEvent, TagChangedV1 } from '@sproul/common/events';
import type { RunningService } from '@sproul/common/service';
import { createTestDatabase, eventually, infraUrls, recordEvents, testLogger } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { start } from '../src/index.js';

export const ADMIN = { email: 'admin@sproul.club', password: 'Admin-pass-42!' };

export type AuthHarnessKind = 'embedded' | 'postgres+redis';

export const TAGS = ['Academic', 'Arts', 'Athletics', 'Cultural', 'Engineering'].map((name, id) => ({
  id,
  name,
}));
export const SIZES = ['1-20', '21-50', '51-100', '100+'].map((value, id) => ({ id, value }));

/**
 * The auth service started in-process on an ephemeral port (as `npm start` composes it), with the
 * catalog's tags already known, and every event it publishes recorded.
 */
export async function startAuth(kind: AuthHarnessKind = 'embedded', env: Record<string, string> = {}) {
  const logger = testLogger();
  let database: Database;
  let databaseUrl: string | undefined;
  let closeDatabase: () => Promise<void>;
  if (kind === 'embedded') {
    const embedded = await EmbeddedPostgres.open();
    database = embedded.forService('auth');
    closeDatabase = () => embedded.close();
  } else {
    const testDb = await createTestDatabase('auth');
    databaseUrl = testDb.url;
    database = await openPostgres({ url: testDb.url, service: 'auth' });
    closeDatabase = async () => {
      await database.close();
      await testDb.drop();
    };
  }
  const store =
    kind === 'embedded'
      ? new MemoryStore()
      : new RedisStore({ url: infraUrls.redis, namespace: `test-${Date.now()}`, logger });
  const bus = new InProcessBus(logger);
  const events = await recordEvents(bus);
  const config = loadConfig(commonConfigSchema, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    BUS_RETRY_DELAYS_MS: '50',
    DATABASE_URL: databaseUrl,
  });
  process.env.FRONTEND_BASE_URL = 'http://frontend.test';
  process.env.ADMIN_EMAIL = ADMIN.email;
  process.env.ADMIN_PASSWORD = ADMIN.password;
  process.env.PUBLIC_BASE_URL = 'http://api.test';
  // Required on a database server (the signing keys are sealed there), optional embedded.
  if (kind === 'embedded') delete process.env.KEY_ENCRYPTION_SECRET;
  else process.env.KEY_ENCRYPTION_SECRET = 'test-key-encryption-secret';
  for (const name of [
    'ACCESS_TOKEN_TTL_S',
    'KEY_ROTATION_DAYS',
    'OIDC_ISSUER',
    'OIDC_CLIENT_ID',
    'OIDC_CLIENT_SECRET',
  ]) {
    delete process.env[name];
  }
  Object.assign(process.env, env);
  const service: RunningService = await start({ config, logger, database, bus, store });

  await bus.publish([makeEvent(TagChangedV1, { tags: TAGS, num_user_tags: SIZES }, 'catalog')]);
  await eventually(async () => {
    const rows = rowsOf<{ n: number }>(
      await service.context.database.db.execute(sql`select count(*)::int as n from auth.known_tags`),
    );
    return rows[0]!.n === TAGS.length;
  });

  const url = (path: string) => `${service.url}${path}`;
  return {
    service,
    store,
    events,
    url,
    /** The most recent link of a template sent to an address. */
    async emailLink(to: string, template: string): Promise<string> {
      const found = await eventually(() =>
        [...events]
          .reverse()
          .find(
            (e) =>
              e.type === 'EmailRequested' &&
              (e.data as { to: string }).to === to &&
              (e.data as { template: string }).template === template,
          ),
      );
      return Object.values((found.data as { variables: Record<string, string> }).variables)[0]!;
    },
    deadLetters: (): Promise<DeadLetter[]> => bus.takeDeadLetters('auth'),
    /** Puts emails on the RSO allow-list, as an admin would. */
    async allowRso(...emails: string[]) {
      for (const email of emails) {
        await service.context.database.db.execute(
          sql`insert into auth.rso_emails (email) values (${email}) on conflict do nothing`,
        );
      }
    },
    /** Makes every pending email token of a kind expire now. */
    async expireEmailTokens(kind: 'confirm' | 'reset' | 'magic') {
      await service.context.database.db.execute(
        sql`update auth.email_tokens set expires_at = now() - interval '1 second' where kind = ${kind}`,
      );
    },
    async close() {
      await service.stop();
      await bus.close();
      await store.close();
      await closeDatabase();
    },
  };
}

export type AuthHarness = Awaited<ReturnType<typeof startAuth>>;

/** JSON request helper: answers status, parsed body and headers. */
export async function call(
  url: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    redirect: 'manual',
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers.
  return { status: response.status, body: body as any, headers: response.headers };
}

/** A registration body as the web client sends it (every key present). */
export const officerRegistration = (email: string, overrides: Record<string, unknown> = {}) => ({
  name: 'Cal Robotics',
  email,
  password: 'Robots-4-ever!',
  tags: [4, 0],
  app_required: true,
  new_members: false,
  num_users: 2,
  apply_deadline_start: '2021-01-10T08:00:00.000Z',
  apply_deadline_end: null,
  recruiting_start: '2021-01-05 09:00',
  recruiting_end: null,
  ...overrides,
});
