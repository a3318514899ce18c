import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubResourceRepository, type NewClubResource } from '../../data-access/club-resource-repository.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { assertRoomFor } from './list-limits.js';

type Ctx = { db: Db; outbox: Outbox };

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
