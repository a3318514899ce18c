import { request } from 'node:http';
import { availableParallelism } from 'node:os';
import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withUploadSlot } from '../src/domain/images/slots.js';
import { picture } from './images.js';
import { type MediaHarness, startMediaHarness, upload } from './media-harness.js';

describe('upload sizes and multipart bodies', () => {
  let media: MediaHarness;
  let token: string;
  beforeAll(async () => {
    media = await startMediaHarness();
    token = (await media.addClub('validation-club')).token;
  }, 60_000);
  afterAll(() => media?.close());

  const logo = (bytes: Buffer, name: string, type?: string) => media.uploadLogo(token, bytes, name, type);

  it('refuses a file over the limit while it streams, and a request without the file', async () => {
    const big = await picture(1000, 1000, 'png', { noise: true });
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(await logo(big, 'big.png')).toMatchObject({
      status: 400,
      body: { reason: 'The provided logo is too large.' },
    });
    const none = await upload(media.url('/api/admin/upload-logo'), token, {}, { caption: 'no file' });
    expect(none).toMatchObject({ status: 400, body: { reason: 'A logo was not provided for uploading.' } });
    const banner = await upload(media.url('/api/admin/upload-banner'), token, {
      logo: { bytes: await picture(1000, 300), name: 'wrong-field.png' },
    });
    expect(banner).toMatchObject({
      status: 400,
      body: { reason: 'A banner was not provided for uploading.' },
    });
  });

  it('upstream §6.1 #8: a banner keeps the 10 MiB limit of upstream’s code (its docs said 2 MB)', async () => {
    const banner = (bytes: Buffer) =>
      upload(media.url('/api/admin/upload-banner'), token, { banner: { bytes, name: 'banner.png' } });
    const large = await picture(2000, 600, 'png', { noise: true });
    expect(large.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(await banner(large)).toMatchObject({ status: 200, body: { 'banner-url': expect.any(String) } });
    const over = Buffer.concat([large, Buffer.alloc(10 * 1024 * 1024 + 1 - large.length, 7)]);
    expect(await banner(over)).toMatchObject({
      status: 400,
      body: { reason: 'The provided banner is too large.' },
    });
  });

  it('answers 2 files in one request, and a broken multipart body, with a 400', async () => {
    const two = await upload(media.url('/api/admin/upload-logo'), token, {
      logo: { bytes: await picture(100, 100), name: 'a.png' },
      other: { bytes: await picture(100, 100), name: 'b.png' },
    });
    expect(two.status).toBe(400);
    const broken = await fetch(media.url('/api/admin/upload-logo'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="logo"; filename="x.png"\r\n\r\nabc',
    });
    expect(broken.status).toBe(400);
  });

  it('releases the upload slot of a client that goes away mid-body', async () => {
    // More abandoned logo uploads than there is room for (three per core): each must give its room back.
    for (let i = 0; i < 3 * availableParallelism() + 2; i++) {
      const req = request(media.url('/api/admin/upload-logo'), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'multipart/form-data; boundary=zzz',
          'content-length': '100000',
        },
      });
      req.on('error', () => {});
      req.write('--zzz\r\nContent-Disposition: form-data; name="logo"; filename="x.png"\r\n\r\nabc');
      // Holding a slot (or in line for one) before it goes, and none held once it has gone.
      await eventually(() => withUploadSlot.pending() === 1);
      req.destroy();
      await eventually(() => withUploadSlot.pending() === 0);
    }
    expect((await logo(await picture(64, 64), 'after.png')).status).toBe(200);
  });
});
