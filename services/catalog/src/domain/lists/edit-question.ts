import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubFaqRepository, type NewClubQuestion } from '../../data-access/club-faq-repository.js';
import { itemNotFound } from '../../errors.js';
import { editClub } from '../clubs/edit-club.js';
import { findOwnClub, type Officer } from '../clubs/find-own-club.js';
import { isItemId } from './list-item-id.js';

type Ctx = { db: Db; outbox: Outbox };

const notFound = () => itemNotFound('question');

/** Upstream had no way to edit a question short of deleting it; this keeps its id and place. */
export async function editQuestion(
  ctx: Ctx,
  officer: Officer,
  id: string,
  changes: Partial<NewClubQuestion>,
) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const faq = clubFaqRepository(tx);
    const before = isItemId(id) && (await faq.list(club.id)).find((question) => question.id === id);
    if (!before) throw notFound();
    const differs = Object.entries(changes).some(
      ([key, value]) => value !== undefined && value !== before[key as keyof NewClubQuestion],
    );
    if (!differs) return { changed: [], result: await faq.list(club.id) };
    await faq.update(club.id, id, changes);
    return { changed: ['faq'], result: await faq.list(club.id) };
  });
}
