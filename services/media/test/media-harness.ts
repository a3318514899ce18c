import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InProcessBus } from '@sproul/common/bus';
import { ClubCreatedV1, ClubDeletedV1, makeEvent } from '@sproul/common/events';
import { bootService, openStorage, type Storage, tokenIssuer } from '@sproul/common/testing';
import { startEmbeddedS3 } from '../../../scripts/src/embedded-s3.js';
import { mediaService } from '../src/index.js';
import { upload } from './upload-request.js';

const summary = (linkName: string) => ({
  name: linkName,
  link_name: linkName,
  tags: [],
  num_users: 0,
  app_required: false,
  new_members: true,
  about_us: '',
  get_involved: '',
  visible: true,
});

/** Media on PGlite (or PostgreSQL), an in-process bus, an s3rver of its own and a stand-in auth. */
export async function startMediaHarness(
  kind: Storage['kind'] = 'embedded',
  config: Record<string, string> = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sproul-media-'));
  const s3 = await startEmbeddedS3(dir);
  const auth = await tokenIssuer();
  const { storage, close: closeStorage } = await openStorage(kind, 'media');
  let now = Date.now();
  const media = await bootService(mediaService, {
    storage,
    clock: () => new Date(now),
    config: {
      AUTH_URL: auth.url,
      MEDIA_CLEANUP_INTERVAL_MS: '0',
      S3_BUCKET: 'media-test',
      ...s3.env,
      ...config,
    },
  });
  const bus = media.bus as InProcessBus;
  return {
    ...media,
    s3,
    auth,
    /** Moves the service's clock (rows' times, the cleanup job's "now"). */
    advance: (ms: number) => {
      now += ms;
    },
    cleanup: () => media.service.jobs.run('media-cleanup'),
    /** A club the catalog announced, and an officer token for it. */
    async addClub(linkName: string, ownerUserId: string = crypto.randomUUID()) {
      const clubId = crypto.randomUUID();
      await bus.publish([
        makeEvent(ClubCreatedV1, { clubId, ownerUserId, club: summary(linkName) }, 'catalog'),
      ]);
      await bus.idle();
      return { clubId, ownerUserId, token: await auth.token('officer', { sub: ownerUserId }) };
    },
    async deleteClub(club: { clubId: string; ownerUserId: string }, linkName: string) {
      await bus.publish([makeEvent(ClubDeletedV1, { ...club, link_name: linkName }, 'catalog')]);
      await bus.idle();
    },
    /** Upstream's logo upload as the web client sends it (multipart field `logo`). */
    uploadLogo: (token: string, bytes: Buffer, name = 'logo.png', type?: string) =>
      upload(media.url('/api/admin/upload-logo'), token, { logo: { bytes, name, type } }),
    /** Keys of every object in the bucket. */
    async keys(prefix = '') {
      const keys: string[] = [];
      for await (const object of media.context.objects.list(prefix)) keys.push(object.key);
      return keys;
    },
    async close() {
      await media.close();
      await s3.close();
      await auth.close();
      await closeStorage();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type MediaHarness = Awaited<ReturnType<typeof startMediaHarness>>;

export { upload };
