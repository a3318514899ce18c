import type { DbOrTx } from '@sproul/common/db';
import { AppError } from '@sproul/common/errors';
import { metadataRepository } from '../../data-access/metadata-repository.js';

/**
 * Upstream stored any id as an event tag without looking; unknown ones are a 400 here. Checked inside
 * the edit's transaction, which holds the tag ids (editClub), so they stay valid until it commits.
 */
export async function assertKnownTags(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return;
  const known = new Set((await metadataRepository(db).tags()).map((tag) => tag.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw invalidEventFields([{ field: 'tags', errors: [`unknown tag ids: ${unknown.join(', ')}`] }]);
}

export const invalidEventFields = (data: { field: string; errors: string[] }[]) =>
  new AppError('REQUEST.INVALID', 400, 'A validation error occurred when parsing the JSON body.', data);
