import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { galleryClient } from './gallery-client.js';
import { picture } from './images.js';
import { type MediaHarness, startMediaHarness, upload } from './media-harness.js';

describe("an officer's gallery: its limits", () => {
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

  it('holds at most 5 pictures and wants a caption field (it may be empty) and a photo', async () => {
    for (let i = 0; i < 5; i++) expect((await add('', i)).status).toBe(200);
    const sixth = await add('one too many', 9);
    expect(sixth).toMatchObject({ status: 409, body: { reason: 'A club can have at most 5 gallery media' } });
    expect((await as('GET', '')).body).toHaveLength(5);
    const noCaption = await upload(media.url('/api/admin/gallery-media/photo'), club.token, {
      photo: { bytes: await picture(100, 100), name: 'p.png' },
    });
    expect(noCaption.status).toBe(400);
    const nul = await upload(
      media.url('/api/admin/gallery-media/photo'),
      club.token,
      {
        photo: { bytes: await picture(100, 100), name: 'p.png' },
      },
      { caption: 'bad\u0000caption' },
    );
    expect(nul.status).toBe(400);
    const noPhoto = await upload(
      media.url('/api/admin/gallery-media/photo'),
      club.token,
      {},
      { caption: 'x' },
    );
    expect(noPhoto).toMatchObject({
      status: 400,
      body: { reason: 'A gallery picture was not provided for uploading.' },
    });
  });
});
