import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { picture } from './images.js';
import { type MediaHarness, startMediaHarness, upload } from './media-harness.js';

describe('logo and banner uploads (s3rver, sharp)', () => {
  let media: MediaHarness;
  let club: Awaited<ReturnType<MediaHarness['addClub']>>;
  beforeAll(async () => {
    media = await startMediaHarness();
    club = await media.addClub('photo-society');
  }, 60_000);
  afterAll(() => media?.close());

  const send = (route: string, field: string, bytes: Buffer, name = 'upload.png', token = club.token) =>
    upload(media.url(`/api/admin/${route}`), token, { [field]: { bytes, name } });

  it('stores a square logo as WebP at display size, the full PNG and a small copy; answers a URL anyone can load', async () => {
    const res = await send('upload-logo', 'logo', await picture(600, 600, 'png', { exif: true }));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('success');
    const url: string = res.body['logo-url'];
    expect(url).toMatch(new RegExp(`/media-test/clubs/${club.clubId}/logo/[0-9a-f]{32}\\.webp$`));
    const loaded = await fetch(url);
    expect(loaded.status).toBe(200);
    const bytes = Buffer.from(await loaded.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 512, height: 512 });
    expect(meta.exif).toBeUndefined();
    const original = await sharp(
      Buffer.from(await (await fetch(url.replace('.webp', '.png'))).arrayBuffer()),
    ).metadata();
    expect(original).toMatchObject({ format: 'png', width: 600, height: 600 });
    const keys = await media.keys(`clubs/${club.clubId}/logo/`);
    const hash = url.split('/').at(-1)?.replace('.webp', '');
    expect(keys.sort()).toEqual(
      [`${hash}.webp`, `${hash}.png`, `${hash}-128.webp`]
        .map((name) => `clubs/${club.clubId}/logo/${name}`)
        .sort(),
    );
    expect(media.published('ImageStored')).toContainEqual(
      expect.objectContaining({ clubId: club.clubId, purpose: 'logo', url }),
    );
  });

  it('takes a banner of 10:3 within 5 % and keeps a JPEG original as JPEG; never upscales', async () => {
    const res = await send('upload-banner', 'banner', await picture(1000, 310, 'jpeg'), 'banner.jpg');
    expect(res.status).toBe(200);
    const keys = await media.keys(`clubs/${club.clubId}/banner/`);
    expect(keys.some((key) => key.endsWith('.jpg'))).toBe(true);
    expect(keys.some((key) => key.endsWith('-800.webp'))).toBe(true);
    expect(keys.some((key) => key.endsWith('-1600.webp'))).toBe(false);
  });

  it("takes an owner id that is not a UUID (the demo clubs'), and a club known only from the token", async () => {
    const demo = await media.addClub('demo-club', 'demo-bearbots-robotics-collective');
    expect((await send('upload-logo', 'logo', await picture(64, 64), 'd.png', demo.token)).status).toBe(200);
    const claimed = await media.auth.token('officer', { club: crypto.randomUUID() });
    expect((await send('upload-logo', 'logo', await picture(64, 64), 'c.png', claimed)).status).toBe(200);
    const nobody = await media.auth.token('officer', { sub: 'not-a-uuid' });
    expect((await send('upload-logo', 'logo', await picture(64, 64), 'n.png', nobody)).status).toBe(404);
  });

  it('refuses what is not an acceptable image with upstream messages, never a 500', async () => {
    const cases: [string, string, Buffer, string, string][] = [
      [
        'upload-logo',
        'logo',
        Buffer.from('just some text'),
        'text.png',
        'The provided logo is not an image.',
      ],
      ['upload-logo', 'logo', Buffer.alloc(0), 'empty.png', 'The provided logo is not an image.'],
      [
        'upload-logo',
        'logo',
        await picture(400, 300),
        'wide.png',
        "The provided logo's aspect ratio deviates too far from the required ratio.",
      ],
      [
        'upload-banner',
        'banner',
        await picture(400, 400),
        'square.png',
        "The provided banner's aspect ratio deviates too far from the required ratio.",
      ],
    ];
    for (const [route, field, bytes, name, reason] of cases) {
      const res = await send(route, field, bytes, name);
      expect(res, name).toMatchObject({ status: 400, body: { status: 'error', reason } });
    }
    const notImage = await send('upload-logo', 'logo', Buffer.from('<svg/>'), 'x.png');
    expect(notImage.body.data).toEqual({ image_type: 'logo' });
  });
});
