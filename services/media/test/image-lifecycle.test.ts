import { storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageRepository } from '../src/data-access/image-repository.js';
import { inspectImage } from '../src/domain/images/inspect-image.js';
import { processImage } from '../src/domain/images/process-image.js';
import { uploadRules } from '../src/domain/images/upload-rules.js';
import { picture } from './images.js';
import { type MediaHarness, startMediaHarness, upload } from './media-harness.js';

const MINUTE = 60_000;

describe.each(await storageKinds())(
  'image lifecycle on %s: replaced, removed and abandoned objects go; live ones never do',
  (kind) => {
    let media: MediaHarness;
    beforeAll(async () => {
      media = await startMediaHarness(kind, { MEDIA_GRACE_MS: String(10 * MINUTE) });
    }, 60_000);
    afterAll(() => media?.close());

    const logo = (token: string, bytes: Buffer) =>
      upload(media.url('/api/admin/upload-logo'), token, { logo: { bytes, name: 'logo.png' } });
    const status = async (url: string) => (await fetch(url)).status;

    it('deletes a replaced logo once the cleanup runs, and keeps a key an identical upload still uses', async () => {
      const club = await media.addClub('replacing-club');
      const first = (await logo(club.token, await picture(256, 256, 'png', { noise: true }))).body[
        'logo-url'
      ];
      const second = (await logo(club.token, await picture(256, 256, 'png', { noise: true }))).body[
        'logo-url'
      ];
      expect(await status(first)).toBe(200); // not before the job runs
      await media.cleanup();
      expect(await status(first)).toBe(404);
      expect(await status(second)).toBe(200);
      // The same bytes twice: one set of keys, two rows; replacing one must not delete the other's.
      const same = await picture(256, 256, 'png', { noise: true });
      const third = (await logo(club.token, same)).body['logo-url'];
      const fourth = (await logo(club.token, same)).body['logo-url'];
      expect(fourth).toBe(third);
      await media.cleanup();
      expect(await status(third)).toBe(200);
    });

    it('after uploads, replacements, gallery deletes, a club deletion and a crash, leaves 0 orphans', async () => {
      const kept = await media.addClub('kept-club');
      const gone = await media.addClub('gone-club');
      const live: string[] = [];
      for (const club of [kept, gone]) {
        await logo(club.token, await picture(300, 300, 'jpeg', { noise: true }));
        const url = (await logo(club.token, await picture(300, 300, 'png', { noise: true }))).body[
          'logo-url'
        ];
        if (club === kept) live.push(url);
        for (const caption of ['one', 'two', 'three']) {
          const res = await upload(
            media.url('/api/admin/gallery-media/photo'),
            club.token,
            {
              photo: { bytes: await picture(320, 200, 'png', { noise: true }), name: 'p.png' },
            },
            { caption },
          );
          expect(res.status).toBe(200);
        }
      }
      const gallery = (await media.client('/api/admin/gallery-media', { token: kept.token })).body as {
        id: string;
        url: string;
      }[];
      await media.client(`/api/admin/gallery-media/${gallery[0]!.id}`, {
        method: 'DELETE',
        token: kept.token,
      });
      const replaced = await upload(
        media.url(`/api/admin/gallery-media/photo/${gallery[1]!.id}`),
        kept.token,
        {
          photo: { bytes: await picture(100, 100, 'png', { noise: true }), name: 'n.png' },
        },
        { caption: 'new' },
        'PUT',
      );
      live.push(...replaced.body.map((item: { url: string }) => item.url));
      await media.deleteClub(gone, 'gone-club');

      // A crash between put and commit: the intent committed, the objects put, never made live.
      const bytes = await picture(300, 300, 'png', { noise: true });
      const rule = uploadRules.logo;
      const processed = await processImage(bytes, await inspectImage(bytes, rule), rule, kept.clubId);
      const id = crypto.randomUUID();
      await imageRepository(media.db).addPending(
        {
          id,
          clubId: kept.clubId,
          purpose: 'logo',
          url: 'http://x/y',
          mainKey: processed.mainKey,
          caption: '',
          position: 1,
        },
        processed.objects.map((object) => object.key),
        new Date(),
      );
      for (const object of processed.objects) {
        await media.context.objects.put(object.key, object.body, {
          contentType: object.contentType,
          public: true,
        });
      }
      // And an object no row ever named (a put whose intent was lost with a wiped database, say).
      await media.context.objects.put(`clubs/${kept.clubId}/logo/stray.webp`, bytes, {
        contentType: 'image/webp',
      });

      await media.cleanup(); // within the grace period: the young intent and the young stray stay
      expect(await media.keys(`clubs/${kept.clubId}/logo/stray`)).toHaveLength(1);
      expect(await media.keys(processed.mainKey)).toHaveLength(1);
      media.advance(11 * MINUTE);
      await media.cleanup();

      const named = await imageRepository(media.db).allKeys();
      const objects = await media.keys('clubs/');
      expect(objects.filter((key) => !named.has(key))).toEqual([]);
      expect(await media.keys(`clubs/${gone.clubId}/`)).toEqual([]);
      expect(await media.keys(processed.mainKey)).toEqual([]);
      for (const url of live) expect(await status(url), url).toBe(200);
      // Live images only are left: per club, one logo and its gallery.
      const rows = await imageRepository(media.db).live(kept.clubId, 'gallery');
      expect(rows.map((row) => row.caption)).toEqual(['new', 'three']);
    });

    it('refuses uploads for a deleted club', async () => {
      const club = await media.addClub('deleted-club');
      await media.deleteClub(club, 'deleted-club');
      const res = await logo(club.token, await picture(100, 100));
      expect(res.status).toBe(404);
    });
  },
);
