import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubFaqRepository, type NewClubQuestion } from '../../data-access/club-faq-repository.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { assertRoomFor } from './list-limits.js';

type Ctx = { db: Db; outbox: Outbox };

export async function addQuestion(ctx: Ctx, officer: Officer, question: NewClubQuestion) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const faq = clubFaqRepository(tx);
    assertRoomFor('faq', (await faq.list(club.id)).length);
    await faq.add(club.id, question);
    return { changed: ['faq'], result: await faq.list(club.id) };
  });
}
