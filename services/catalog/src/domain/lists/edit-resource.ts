import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubResourceRepository, type NewClubResource } from '../../data-access/club-resource-repository.js';
import { itemNotFound } from '../../errors.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { isItemId } from './list-item-id.js';

type Ctx = { db: Db; outbox: Outbox };

const notFound = () => itemNotFound('resource');

export async function editResource(
  ctx: Ctx,
  officer: Officer,
  id: string,
  changes: Partial<NewClubResource>,
) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const resources = clubResourceRepository(tx);
    const before = isItemId(id) && (await resources.list(club.id)).find((resource) => resource.id === id);
    if (!before) throw notFound();
    if (Object.keys(changes).length === 0) return { changed: [], result: await resources.list(club.id) };
    const after = await resources.update(club.id, id, changes);
    const changed = after && (after.name !== before.name || after.link !== before.link) ? ['resources'] : [];
    return { changed, result: await resources.list(club.id) };
  });
}
