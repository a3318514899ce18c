import { jsonClient } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryClient } from './gallery-client.js';
import { picture } from './images.js';
import { type MediaHarness, startMediaHarness, upload } from './media-harness.js';

type Item = { _cls: string; id: string; type: string; url: string; caption: string };

describe("an officer's gallery, owned by media (upstream's routes and answers)", () => {
  let media: MediaHarness;
  let club: Awaited<ReturnType<MediaHarness['addClub']>>;
  beforeAll(async () => {
    media = await startMediaHarness();
    club = await media.addClub('gallery-club');
  }, 60_000);
  afterAll(() => media?.close());

  const gallery = () => galleryClient(media, club);
  const add = (caption: string, seed = 1) => gallery().add(caption, seed);
  const as = (method: string, path: string, body?: unknown) => gallery().as(method, path, body);

  it('adds pictures (answering the list), edits captions, replaces a photo in place, removes', async () => {
    const first = await add('Darkroom night', 1);
    expect(first.status).toBe(200);
    expect(first.body).toEqual([
      {
        _cls: 'GalleryMedia.GalleryPic',
        id: expect.any(String),
        type: 'picture',
        url: expect.stringMatching(/\.webp$/),
        caption: 'Darkroom night',
      },
    ]);
    const second = (await add('Field trip', 2)).body as Item[];
    const [a, b] = second as [Item, Item];
    expect((await as('GET', '')).body).toEqual(second);

    // Captions: multipart as the web client sends it, or JSON; at most 50 characters.
    const form = await upload(
      media.url(`/api/admin/gallery-media/photo/${a.id}`),
      club.token,
      {},
      { caption: 'Darkroom, night two' },
      'PUT',
    );
    expect(form.body[0].caption).toBe('Darkroom, night two');
    expect((await as('PUT', `/photo/${a.id}`, { caption: 'Night' })).body[0].caption).toBe('Night');
    expect((await as('PUT', `/photo/${a.id}`, { caption: 'c'.repeat(51) })).status).toBe(400);
    const unknown = await as('PUT', `/photo/${crypto.randomUUID()}`, { caption: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.reason).toBe('Specified gallery picture does not exist.');
    expect((await as('PUT', '/photo/not-an-id', { caption: 'x' })).status).toBe(400);

    // A new photo: new id and URL, same place in the list, caption as sent.
    const replaced = await upload(
      media.url(`/api/admin/gallery-media/photo/${a.id}`),
      club.token,
      {
        photo: { bytes: await picture(300, 200, 'png'), name: 'new.png' },
      },
      { caption: 'New photo' },
      'PUT',
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.map((item: Item) => item.caption)).toEqual(['New photo', 'Field trip']);
    expect(replaced.body[0].id).not.toBe(a.id);
    expect(replaced.body[0].url).not.toBe(a.url);
    const stored = media.published<{ imageId: string; replaces?: string }>('ImageStored');
    expect(stored).toContainEqual(expect.objectContaining({ imageId: replaced.body[0].id, replaces: a.id }));
    expect(media.published('ImageDeleted')).toContainEqual({
      imageId: a.id,
      clubId: club.clubId,
      purpose: 'gallery',
    });

    // Deleting an unknown id is not an error (upstream); deleting a picture removes it.
    expect((await as('DELETE', `/${crypto.randomUUID()}`)).body).toHaveLength(2);
    expect((await as('DELETE', `/${b.id}`)).body).toEqual([replaced.body[0]]);
    expect(media.published('ImageDeleted')).toContainEqual({
      imageId: b.id,
      clubId: club.clubId,
      purpose: 'gallery',
    });
  });

  it('upstream §6.1 #18: an edit without its optional caption field keeps the caption (upstream: "null value not allowed")', async () => {
    const [added] = (await add('Kept caption', 7)).body as Item[];
    const url = media.url(`/api/admin/gallery-media/photo/${added!.id}`);
    // A new photo alone, as a multipart form with no `caption` field.
    const photo = { photo: { bytes: await picture(320, 240, 'png'), name: 'only.png' } };
    const photoOnly = await upload(url, club.token, photo, {}, 'PUT');
    expect(photoOnly.status).toBe(200);
    const replaced = (photoOnly.body as Item[]).find(
      (item) => item.id !== added!.id && item.caption === 'Kept caption',
    );
    expect(replaced?.url).not.toBe(added!.url);
    // Nothing at all (an empty form, an empty JSON object): nothing changes.
    expect(
      (await upload(media.url(`/api/admin/gallery-media/photo/${replaced!.id}`), club.token, {}, {}, 'PUT'))
        .status,
    ).toBe(200);
    const empty = await as('PUT', `/photo/${replaced!.id}`, {});
    expect(empty.status).toBe(200);
    expect((empty.body as Item[]).find((item) => item.id === replaced!.id)?.caption).toBe('Kept caption');
  });

  it('answers an officer without a club with 404, and other roles with 401/403 as the kernel does', async () => {
    const stranger = await media.auth.token('officer', { sub: crypto.randomUUID() });
    const res = await jsonClient(media.url(''))('/api/admin/gallery-media', { token: stranger });
    expect(res.status).toBe(404);
    const student = await media.auth.token('student');
    expect(
      (await jsonClient(media.url(''))('/api/admin/gallery-media', { token: student })).status,
    ).toBeGreaterThanOrEqual(401);
  });
});
