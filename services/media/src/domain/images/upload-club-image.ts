import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import type { MediaContext } from '../media-context.js';
import { storeImage } from './store-image.js';
import { uploadRules } from './upload-rules.js';

/** A new logo or banner: the club's previous one goes once this one is live. Answers its URL. */
export async function uploadClubImage(
  ctx: MediaContext,
  officer: Officer,
  purpose: 'logo' | 'banner',
  bytes: Buffer,
): Promise<string> {
  const club = await findOwnClub(ctx.db, officer);
  const image = await storeImage(ctx, { clubId: club.id, rule: uploadRules[purpose], bytes });
  return image.url;
}
