import type { Db } from '@sproul/common/db';
import { clubFaqRepository } from '../../data-access/club-faq-repository.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';

/** The club's FAQ, in the order the questions were added (public on the club page too). */
export async function listFaq(db: Db, officer: Officer) {
  const club = await findOwnClub(db, officer);
  return clubFaqRepository(db).list(club.id);
}
