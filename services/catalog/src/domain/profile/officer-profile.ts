import type { Db } from '@sproul/common/db';
import { loadClubDetails } from '../clubs/club-details.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';

/** The club with every list the officer's dashboard shows, in the order they were added. */
export async function officerProfile(db: Db, officer: Officer) {
  return loadClubDetails(db, await findOwnClub(db, officer));
}

export type OfficerProfile = Awaited<ReturnType<typeof officerProfile>>;
