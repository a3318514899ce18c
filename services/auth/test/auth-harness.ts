import { type DeadLetter, InProcessBus } from '@sproul/common/bus';
import { RedisStore } from '@sproul/common/cache/redis';
import { rowsOf } from '@sproul/common/db';
import { makeEvent, TagChangedV1 } from '@sproul/common/events';
import { bootService, eventually, infraUrls, openStorage, testLogger } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { authService } from '../src/index.js';

export const ADMIN = { email: 'admin@sproul.club', password: 'Admin-pass-42!' };

export type AuthHarnessKind = 'embedded' | 'postgres+redis';

export const TAGS = ['Academic', 'Arts', 'Athletics', 'Cultural', 'Engineering'].map((name, id) => ({
  id,
  name,
}));
export const SIZES = ['1-20', '21-50', '51-100', '100+'].map((value, id) => ({ id, value }));

export interface AuthHarnessOptions {
  /** The time auth signs tokens at (default the wall clock). */
  clock?: () => Date;
}

/**
 * The auth service booted by the kit on an ephemeral port, with the catalog's tags already known, and
 * every event it publishes recorded. `config` is laid over the harness's settings.
 */
export async function startAuth(
  kind: AuthHarnessKind = 'embedded',
  config: Record<string, string> = {},
  options: AuthHarnessOptions = {},
) {
  const storage = await openStorage(kind === 'embedded' ? 'embedded' : 'postgres', 'auth');
  const store =
    kind === 'embedded'
      ? undefined
      : new RedisStore({ url: infraUrls.redis, namespace: `test-${Date.now()}`, logger: testLogger() });
  const bus = new InProcessBus(testLogger());
  const booted = await bootService(authService, {
    storage: storage.storage,
    bus,
    store,
    clock: options.clock,
    config: {
      FRONTEND_BASE_URL: 'http://frontend.test',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      PUBLIC_BASE_URL: 'http://api.test',
      // Required on a database server (the signing keys are sealed there), optional embedded.
      KEY_ENCRYPTION_SECRET: kind === 'embedded' ? undefined : 'test-key-encryption-secret',
      ...config,
    },
  });
  const { db, events } = booted;
  const count = async (statement: ReturnType<typeof sql>) =>
    rowsOf<{ n: number }>(await db.execute(statement))[0]!.n;

  await bus.publish([makeEvent(TagChangedV1, { tags: TAGS, num_user_tags: SIZES }, 'catalog')]);
  await eventually(
    async () => (await count(sql`select count(*)::int as n from auth.known_tags`)) === TAGS.length,
  );

  return {
    ...booted,
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
    /**
     * Waits until the work auth does after answering has finished and every event it wrote is among
     * the recorded ones: what it was going to publish has then been published.
     */
    async settled() {
      await booted.context.deferred.idle();
      const unsent = sql`select count(*)::int as n from auth.outbox where sent_at is null and error is null`;
      await eventually(async () => (await count(unsent)) === 0);
      // The relay marks rows sent once the bus took them: wait until the recorder has handled them.
      await bus.idle();
    },
    deadLetters: (): Promise<DeadLetter[]> => bus.takeDeadLetters('auth'),
    /** Puts emails on the RSO allow-list, as an admin would. */
    async allowRso(...emails: string[]) {
      for (const email of emails) {
        await db.execute(sql`insert into auth.rso_emails (email) values (${email}) on conflict do nothing`);
      }
    },
    /** Makes every pending email token of a kind expire now. */
    async expireEmailTokens(kind: 'confirm' | 'reset' | 'magic') {
      await db.execute(
        sql`update auth.email_tokens set expires_at = now() - interval '1 second' where kind = ${kind}`,
      );
    },
    /** Makes every pending email token of a kind `minutes` older, as if sent that long ago. */
    async ageEmailTokens(kind: 'confirm' | 'reset' | 'magic', minutes: number) {
      const by = sql.raw(`interval '${Math.trunc(minutes)} minutes'`);
      await db.execute(
        sql`update auth.email_tokens set created_at = created_at - ${by}, expires_at = expires_at - ${by} where kind = ${kind} and used_at is null`,
      );
    },
    async close() {
      await booted.close();
      await bus.close();
      await store?.close();
      await storage.close();
    },
  };
}

export type AuthHarness = Awaited<ReturnType<typeof startAuth>>;

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
