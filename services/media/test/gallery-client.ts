import { jsonClient } from '@sproul/common/testing';
import { picture } from './images.js';
import { type MediaHarness, upload } from './media-harness.js';

type Club = Awaited<ReturnType<MediaHarness['addClub']>>;

/** An officer's calls on their gallery: `add` uploads a picture (seeded, so each differs), `as` the rest. */
export function galleryClient(media: MediaHarness, club: Club) {
  const add = async (caption: string, seed = 1) =>
    upload(
      media.url('/api/admin/gallery-media/photo'),
      club.token,
      { photo: { bytes: await picture(200 + seed, 150, 'jpeg'), name: 'p.jpg' } },
      { caption },
    );
  const as = (method: string, path: string, body?: unknown) =>
    jsonClient(media.url(''))(`/api/admin/gallery-media${path}`, { method, token: club.token, body });
  return { add, as };
}
