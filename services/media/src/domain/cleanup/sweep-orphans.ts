import { lockClubObjects } from '../../data-access/club-repository.js';
import { imageObjectRepository } from '../../data-access/image-object-repository.js';
import type { MediaContext } from '../media-context.js';

/** Where club images live in the bucket: `clubs/{clubId}/{purpose}/{hash}[-{width}].{ext}`. */
export const CLUB_PREFIX = 'clubs/';

/**
 * The orphan sweep: any object under `clubs/` that no row names and that is older than the grace
 * period (an upload's intent is committed before its put, so a younger one may be in flight) is
 * deleted, each checked again under its club's lock. Answers how many it deleted.
 */
export async function sweepOrphans(ctx: MediaContext, now: Date): Promise<number> {
  const olderThan = now.getTime() - ctx.config.MEDIA_GRACE_MS;
  const named = await imageObjectRepository(ctx.db).allKeys();
  const byClub = new Map<string, string[]>();
  for await (const object of ctx.objects.list(CLUB_PREFIX)) {
    if (named.has(object.key) || object.lastModified.getTime() > olderThan) continue;
    const clubId = object.key.split('/')[1] ?? '';
    byClub.set(clubId, [...(byClub.get(clubId) ?? []), object.key]);
  }
  let deleted = 0;
  for (const [clubId, keys] of byClub) {
    await ctx.db.transaction(async (tx) => {
      await lockClubObjects(tx, clubId);
      const stillNamed = await imageObjectRepository(tx).keysNamed(keys);
      const orphans = keys.filter((key) => !stillNamed.has(key));
      await ctx.objects.delete(orphans);
      deleted += orphans.length;
    });
  }
  return deleted;
}
