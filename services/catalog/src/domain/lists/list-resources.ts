import type { Db } from '@sproul/common/db';
import { clubResourceRepository } from '../../data-access/club-resource-repository.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';

/** The officer's resources (named links), in the order they were added. */
export async function listResources(db: Db, officer: Officer) {
  const club = await findOwnClub(db, officer);
  return clubResourceRepository(db).list(club.id);
}
