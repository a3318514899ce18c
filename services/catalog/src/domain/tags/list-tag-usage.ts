import type { DbOrTx } from '@sproul/common/db';
import { tagAdminRepository } from '../../data-access/tag-admin-repository.js';

/** A row of the dashboard's tag page (upstream's `/tags/list`). */
export interface TagUsage {
  _id: number;
  name: string;
  num_clubs: number;
}

/** Every tag with how many catalog-visible clubs use it, sorted by name as upstream. */
export async function listTagUsage(db: DbOrTx): Promise<TagUsage[]> {
  const repository = tagAdminRepository(db);
  const [all, usage] = await Promise.all([repository.all(), repository.visibleUsage()]);
  return all
    .map((tag) => ({ _id: tag.id, name: tag.name, num_clubs: usage.get(tag.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || a._id - b._id);
}
