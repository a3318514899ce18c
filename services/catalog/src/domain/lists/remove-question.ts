import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubFaqRepository } from '../../data-access/club-faq-repository.js';
import { itemNotFound } from '../../errors.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { isItemId } from './list-item-id.js';

type Ctx = { db: Db; outbox: Outbox };

const notFound = () => itemNotFound('question');

export async function removeQuestion(ctx: Ctx, officer: Officer, id: string) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const faq = clubFaqRepository(tx);
    if (!isItemId(id) || !(await faq.remove(club.id, id))) throw notFound();
    return { changed: ['faq'], result: await faq.list(club.id) };
  });
}
