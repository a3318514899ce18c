// Club images end to end on the embedded platform (what `npm start` runs, s3rver in process): an
// officer uploads through the gateway as upstream's web client does, the URL loads anonymously, and
// the catalog shows it on the public club page.
import { eventually } from '@sproul/common/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './support/platform.js';

const OFFICER = { email: 'bearbots@berkeley.edu', password: 'sproul-demo-officer-1!' };

const square = (size: number, red: number) =>
  sharp({ create: { width: size, height: size, channels: 3, background: { r: red, g: 80, b: 40 } } })
    .png()
    .toBuffer();

describe('club images through the gateway (embedded platform, demo data)', () => {
  let testPlatform: TestPlatform;
  let token: string;
  let linkName: string;
  beforeAll(async () => {
    testPlatform = await startTestPlatform('images', { SEED_DEMO: '1' });
    token = (await testPlatform.api('/api/user/login', { body: OFFICER })).body.access;
    linkName = (await testPlatform.api('/api/admin/profile', { token })).body.link_name;
  }, 120_000);
  afterAll(() => testPlatform?.stop());

  const send = async (path: string, field: string, bytes: Buffer, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set(field, new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'upload.png');
    const res = await fetch(`${testPlatform.platform.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:3000' },
      body: form,
    });
    return { status: res.status, body: await res.json(), headers: res.headers };
  };

  it('uploads a logo, which loads anonymously and appears on the public club page; the old one goes', async () => {
    const first = await send('/api/admin/upload-logo', 'logo', await square(400, 200));
    expect(first.status).toBe(200);
    const url: string = first.body['logo-url'];
    const loaded = await fetch(url);
    expect(loaded.status).toBe(200);
    expect(loaded.headers.get('content-type')).toBe('image/webp');
    const page = await eventually(async () => {
      const body = (await testPlatform.api(`/api/catalog/organizations/${linkName}`)).body;
      return body.logo_url === url ? body : undefined;
    }, 20_000);
    expect(page.logo_url).toBe(url);
    expect((await testPlatform.api('/api/admin/profile', { token })).body.logo_url).toBe(url);

    const second = await send('/api/admin/upload-logo', 'logo', await square(400, 10));
    expect(second.body['logo-url']).not.toBe(url);
    await eventually(
      async () =>
        (await testPlatform.api(`/api/catalog/organizations/${linkName}`)).body.logo_url ===
        second.body['logo-url'],
      20_000,
    );
  });

  it('adds a gallery picture that the club page shows until it is deleted; refuses a wrong banner', async () => {
    const added = await send('/api/admin/gallery-media/photo', 'photo', await square(300, 90), {
      caption: 'Build night',
    });
    expect(added.status).toBe(200);
    const picture = added.body.at(-1);
    expect(picture).toMatchObject({
      _cls: 'GalleryMedia.GalleryPic',
      type: 'picture',
      caption: 'Build night',
    });
    await eventually(async () => {
      const body = (await testPlatform.api(`/api/catalog/organizations/${linkName}`)).body;
      return body.gallery_media.some((item: { id: string }) => item.id === picture.id);
    }, 20_000);
    const removed = await fetch(`${testPlatform.platform.url}/api/admin/gallery-media/${picture.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(removed.status).toBe(200);
    await eventually(async () => {
      const body = (await testPlatform.api(`/api/catalog/organizations/${linkName}`)).body;
      return !body.gallery_media.some((item: { id: string }) => item.id === picture.id);
    }, 20_000);
    const banner = await send('/api/admin/upload-banner', 'banner', await square(300, 1));
    expect(banner).toMatchObject({
      status: 400,
      body: { reason: "The provided banner's aspect ratio deviates too far from the required ratio." },
    });
    expect(banner.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it("answers the web client's CORS preflight for an upload", async () => {
    const res = await fetch(`${testPlatform.platform.url}/api/admin/upload-logo`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('refuses a declared body over the upload limit at the gateway', async () => {
    const res = await fetch(`${testPlatform.platform.url}/api/admin/upload-logo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=x' },
      body: Buffer.alloc(3 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
  });
});
