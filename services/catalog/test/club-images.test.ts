import { ImageDeletedV1, ImageStoredV1, makeEvent } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GALLERY_LIMIT } from '../src/domain/gallery/show-stored-image.js';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

const stored = (clubId: string, purpose: 'logo' | 'banner' | 'gallery', caption?: string) => {
  const imageId = crypto.randomUUID();
  return makeEvent(
    ImageStoredV1,
    {
      imageId,
      clubId,
      purpose,
      url: `https://media.test/clubs/${clubId}/${imageId}.png`,
      objectKey: `clubs/${clubId}/${imageId}.png`,
      caption: caption ?? '',
    },
    'media',
  );
};

describe('images the media service stored, on the club page', () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness();
  }, 60_000);
  afterAll(() => catalog?.close());

  const page = async (linkName: string) =>
    (await call(catalog.url(`/api/catalog/organizations/${linkName}`))).body;

  it('sets the logo and banner, adds gallery pictures once each, and announces each change', async () => {
    const club = await catalog.addClub({ name: 'Photo Society' });
    const logo = stored(club.id, 'logo');
    const banner = stored(club.id, 'banner');
    const picture = stored(club.id, 'gallery', 'Darkroom night');
    // A redelivered gallery event (same id) must not add the picture twice.
    await catalog.bus.publish([logo, banner, picture, picture]);
    const shown = await eventually(async () => {
      const body = await page(club.linkName);
      return body.logo_url && body.banner_url && body.gallery_media.length > 0 ? body : undefined;
    });
    expect(shown.logo_url).toBe(logo.data.url);
    expect(shown.banner_url).toBe(banner.data.url);
    expect(shown.gallery_media).toEqual([
      expect.objectContaining({ id: picture.data.imageId, url: picture.data.url, caption: 'Darkroom night' }),
    ]);
    const changes = catalog
      .published<{ clubId: string; changed: string[] }>('ClubUpdated', 1)
      .filter((event) => event.clubId === club.id)
      .map((event) => event.changed);
    expect(changes).toEqual(expect.arrayContaining([['logo_url'], ['banner_url'], ['gallery_media']]));
    expect(changes.filter((changed) => changed.includes('gallery_media'))).toHaveLength(1);
  });

  it('keeps the gallery within its limit: an event beyond it goes to the dead letters', async () => {
    const club = await catalog.addClub({ name: 'Full Gallery Club' });
    await catalog.bus.publish(Array.from({ length: GALLERY_LIMIT }, () => stored(club.id, 'gallery')));
    await eventually(async () => (await page(club.linkName)).gallery_media.length === GALLERY_LIMIT);
    const extra = stored(club.id, 'gallery');
    await catalog.bus.publish([extra]);
    const dead = await eventually(async () => {
      const letters = await catalog.bus.takeDeadLetters('catalog');
      return letters.find((letter) => (letter.body as { id?: string }).id === extra.id);
    }, 15_000);
    expect(dead).toBeTruthy();
    expect((await page(club.linkName)).gallery_media).toHaveLength(GALLERY_LIMIT);
  });

  it('updates a picture on a newer ImageStored, puts a replacing one in its place, removes a deleted one', async () => {
    const club = await catalog.addClub({ name: 'Caption Club' });
    const first = stored(club.id, 'gallery', 'First');
    const second = stored(club.id, 'gallery', 'Second');
    await catalog.bus.publish([first, second]);
    await eventually(async () => (await page(club.linkName)).gallery_media.length === 2);
    // A caption edit: the same picture again (unversioned here, so applied in arrival order).
    const edited = makeEvent(ImageStoredV1, { ...first.data, caption: 'First, edited' }, 'media');
    await catalog.bus.publish([edited]);
    await eventually(async () => (await page(club.linkName)).gallery_media[0]?.caption === 'First, edited');
    // A new photo for the first picture: a new id and URL, in the first place.
    const replacing = stored(club.id, 'gallery', 'First, new photo');
    const withReplaces = makeEvent(
      ImageStoredV1,
      { ...replacing.data, replaces: first.data.imageId },
      'media',
    );
    await catalog.bus.publish([withReplaces]);
    const replaced = await eventually(async () => {
      const gallery = (await page(club.linkName)).gallery_media as { id: string; caption: string }[];
      return gallery[0]?.id === replacing.data.imageId ? gallery : undefined;
    });
    expect(replaced.map((item) => item.caption)).toEqual(['First, new photo', 'Second']);
    const deleted = makeEvent(
      ImageDeletedV1,
      { imageId: second.data.imageId, clubId: club.id, purpose: 'gallery' },
      'media',
    );
    await catalog.bus.publish([deleted]);
    await eventually(async () => (await page(club.linkName)).gallery_media.length === 1);
    expect((await page(club.linkName)).gallery_media[0].id).toBe(replacing.data.imageId);
  });

  it('ignores an image for a club deleted since', async () => {
    await catalog.bus.publish([stored(crypto.randomUUID(), 'logo')]);
    const before = catalog.published('ClubUpdated', 1).length;
    await catalog.settled();
    expect(catalog.published('ClubUpdated', 1).length).toBe(before);
    expect(await catalog.bus.takeDeadLetters('catalog')).toEqual([]);
  });
});
