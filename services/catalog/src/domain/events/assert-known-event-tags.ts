import type { DbOrTx } from '@sproul/common/db';
import { metadataRepository } from '../../data-access/metadata-repository.js';
import { invalidBody } from '../../errors.js';

/**
 * Upstream stored any id as an event tag without looking; unknown ones are a 400 here. Checked inside
 * the edit's transaction, which holds the tag ids (editClub), so they stay valid until it commits.
 */
export async function assertKnownTags(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return;
  const known = new Set((await metadataRepository(db).tags()).map((tag) => tag.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw invalidBody([{ field: 'tags', errors: [`unknown tag ids: ${unknown.join(', ')}`] }]);
}
