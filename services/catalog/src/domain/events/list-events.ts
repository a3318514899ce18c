import type { Db } from '@sproul/common/db';
import { type ClubEventKind, clubEventRepository } from '../../data-access/club-event-repository.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';

export async function listEvents(db: Db, officer: Officer, kind: ClubEventKind) {
  const club = await findOwnClub(db, officer);
  return clubEventRepository(db).list(club.id, kind);
}
