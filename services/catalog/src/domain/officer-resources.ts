import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubResourceRepository, type NewClubResource } from '../data-access/club-resource-repository.js';
import { itemNotFound } from '../errors.js';
import { editClub } from './edit-club.js';
import { assertRoomFor, findOwnClub, isItemId, type Officer } from './officer-club.js';

type Ctx = { db: Db; outbox: Outbox };
const notFound = () => itemNotFound('resource');

/** The officer's resources (named links), in the order they were added. */
export async function listResources(db: Db, officer: Officer) {
  const club = await findOwnClub(db, officer);
  return clubResourceRepository(db).list(club.id);
}

/** Every write answers the whole list, as upstream's web client replaces its copy with it. */
export async function addResource(ctx: Ctx, officer: Officer, resource: NewClubResource) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const resources = clubResourceRepository(tx);
    assertRoomFor('resources', (await resources.list(club.id)).length);
    await resources.add(club.id, resource);
    return { changed: ['resources'], result: await resources.list(club.id) };
  });
}

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

export async function removeResource(ctx: Ctx, officer: Officer, id: string) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const resources = clubResourceRepository(tx);
    if (!isItemId(id) || !(await resources.remove(club.id, id))) throw notFound();
    return { changed: ['resources'], result: await resources.list(club.id) };
  });
}
