import { storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageObjectRepository } from '../src/data-access/image-object-repository.js';
import { imageRepository } from '../src/data-access/image-repository.js';
import { picture } from './images.js';
import { type MediaHarness, startMediaHarness, upload } from './media-harness.js';
import { uploadThenCrash } from './upload-then-crash.js';

const MINUTE = 60_000;

describe.each(await storageKinds())(
  'the orphan sweep on %s: after a workload and a crash, no object without a row',
  (kind) => {
    let media: MediaHarness;
    beforeAll(async () => {
      media = await startMediaHarness(kind, { MEDIA_GRACE_MS: String(10 * MINUTE) });
    }, 60_000);
    afterAll(() => media?.close());

    const logo = (token: string, bytes: Buffer) => media.uploadLogo(token, bytes);
    const status = async (url: string) => (await fetch(url)).status;

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
      const crashed = await uploadThenCrash(media, kept.clubId);
      const bytes = await picture(64, 64, 'png');
      // And an object no row ever named (a put whose intent was lost with a wiped database, say).
      await media.context.objects.put(`clubs/${kept.clubId}/logo/stray.webp`, bytes, {
        contentType: 'image/webp',
      });

      await media.cleanup(); // within the grace period: the young intent and the young stray stay
      expect(await media.keys(`clubs/${kept.clubId}/logo/stray`)).toHaveLength(1);
      expect(await media.keys(crashed.mainKey)).toHaveLength(1);
      media.advance(11 * MINUTE);
      await media.cleanup();

      const named = await imageObjectRepository(media.db).allKeys();
      const objects = await media.keys('clubs/');
      expect(objects.filter((key) => !named.has(key))).toEqual([]);
      expect(await media.keys(`clubs/${gone.clubId}/`)).toEqual([]);
      expect(await media.keys(crashed.mainKey)).toEqual([]);
      for (const url of live) expect(await status(url), url).toBe(200);
      // Live images only are left: per club, one logo and its gallery.
      const rows = await imageRepository(media.db).live(kept.clubId, 'gallery');
      expect(rows.map((row) => row.caption)).toEqual(['new', 'three']);
    });
  },
);
