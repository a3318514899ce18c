import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBomb } from './crafted-images.js';
import { picture } from './images.js';
import { type MediaHarness, startMediaHarness, upload } from './media-harness.js';

const NOT_AN_IMAGE = { status: 400, body: { status: 'error', reason: 'The provided logo is not an image.' } };

describe('what an upload must be: decoded, never trusted by name or type', () => {
  let media: MediaHarness;
  let token: string;
  beforeAll(async () => {
    media = await startMediaHarness();
    token = (await media.addClub('validation-club')).token;
  }, 60_000);
  afterAll(() => media?.close());

  const logo = (bytes: Buffer, name: string, type?: string) => media.uploadLogo(token, bytes, name, type);

  it('accepts a PNG named .jpg and sent as image/jpeg (the bytes decide)', async () => {
    const res = await logo(await picture(300, 300, 'png'), 'renamed.jpg', 'image/jpeg');
    expect(res.status).toBe(200);
    const keys = await media.keys(res.body['logo-url'].split('/media-test/')[1].replace('.webp', ''));
    expect(keys.some((key) => key.endsWith('.png'))).toBe(true);
  });

  it('refuses a text file named .png, 0 bytes, a truncated JPEG and an SVG as not an image', async () => {
    expect(await logo(Buffer.from('GIF89a? no, plain text'), 'notes.png')).toMatchObject(NOT_AN_IMAGE);
    expect(await logo(Buffer.alloc(0), 'empty.png')).toMatchObject(NOT_AN_IMAGE);
    const jpeg = await picture(400, 400, 'jpeg', { noise: true });
    expect(await logo(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'cut.jpg')).toMatchObject(NOT_AN_IMAGE);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(await logo(svg, 'vector.png', 'image/png')).toMatchObject(NOT_AN_IMAGE);
    expect((await logo(svg, 'vector.png')).body.data).toEqual({ image_type: 'logo' });
  });

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    const res = await logo(bomb, 'bomb.png');
    expect(res).toMatchObject({ status: 400, body: { reason: 'The provided logo is too large.' } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('applies the aspect ratio with a relative tolerance of 5 %, after turning the picture upright', async () => {
    expect((await logo(await picture(300, 286), 'within.png')).status).toBe(200); // 1.049
    expect((await logo(await picture(300, 284), 'beyond.png')).status).toBe(400); // 1.056
    // 1000 × 300 stored sideways (EXIF orientation 6): shown 300 × 1000, not a banner.
    const sideways = await sharp(await picture(1000, 300))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const res = await upload(media.url('/api/admin/upload-banner'), token, {
      banner: { bytes: sideways, name: 'sideways.jpg' },
    });
    expect(res).toMatchObject({
      status: 400,
      body: { reason: "The provided banner's aspect ratio deviates too far from the required ratio." },
    });
  });

  it('stores a GIF as PNG beside the WebP, and strips EXIF from both', async () => {
    const res = await logo(await picture(200, 200, 'gif'), 'anim.gif', 'image/gif');
    expect(res.status).toBe(200);
    const url: string = res.body['logo-url'];
    const png = await fetch(url.replace('.webp', '.png'));
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    const tagged = await picture(300, 300, 'jpeg', { exif: true });
    expect((await sharp(tagged).metadata()).exif).toBeDefined();
    const stored = await logo(tagged, 'tagged.jpg');
    const jpg = Buffer.from(
      await (await fetch(stored.body['logo-url'].replace('.webp', '.jpg'))).arrayBuffer(),
    );
    expect((await sharp(jpg).metadata()).exif).toBeUndefined();
  });
});
