import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubResourceRepository } from '../../data-access/club-resource-repository.js';
import { itemNotFound } from '../../errors.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { isItemId } from './list-item-id.js';

type Ctx = { db: Db; outbox: Outbox };

const notFound = () => itemNotFound('resource');

export async function removeResource(ctx: Ctx, officer: Officer, id: string) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const resources = clubResourceRepository(tx);
    if (!isItemId(id) || !(await resources.remove(club.id, id))) throw notFound();
    return { changed: ['resources'], result: await resources.list(club.id) };
  });
}
