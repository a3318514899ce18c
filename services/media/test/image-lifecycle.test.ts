import { storageKinds } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { picture } from './images.js';
import { type MediaHarness, startMediaHarness } from './media-harness.js';

const MINUTE = 60_000;

describe.each(await storageKinds())(
  'image lifecycle on %s: replaced, removed and abandoned objects go; live ones never do',
  (kind) => {
    let media: MediaHarness;
    beforeAll(async () => {
      media = await startMediaHarness(kind, { MEDIA_GRACE_MS: String(10 * MINUTE) });
    }, 60_000);
    afterAll(() => media?.close());

    const logo = (token: string, bytes: Buffer) => media.uploadLogo(token, bytes);
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

    it('refuses uploads for a deleted club', async () => {
      const club = await media.addClub('deleted-club');
      await media.deleteClub(club, 'deleted-club');
      const res = await logo(club.token, await picture(100, 100));
      expect(res.status).toBe(404);
    });
  },
);
