import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubFaqRepository, type NewClubQuestion } from '../data-access/club-faq-repository.js';
import { itemNotFound } from '../errors.js';
import { editClub } from './edit-club.js';
import { assertRoomFor, findOwnClub, isItemId, type Officer } from './officer-club.js';

type Ctx = { db: Db; outbox: Outbox };
const notFound = () => itemNotFound('question');

/** The club's FAQ, in the order the questions were added (public on the club page too). */
export async function listFaq(db: Db, officer: Officer) {
  const club = await findOwnClub(db, officer);
  return clubFaqRepository(db).list(club.id);
}

export async function addQuestion(ctx: Ctx, officer: Officer, question: NewClubQuestion) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const faq = clubFaqRepository(tx);
    assertRoomFor('faq', (await faq.list(club.id)).length);
    await faq.add(club.id, question);
    return { changed: ['faq'], result: await faq.list(club.id) };
  });
}

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

export async function removeQuestion(ctx: Ctx, officer: Officer, id: string) {
  const club = await findOwnClub(ctx.db, officer);
  return editClub(ctx.outbox, club.id, async (_club, tx) => {
    const faq = clubFaqRepository(tx);
    if (!isItemId(id) || !(await faq.remove(club.id, id))) throw notFound();
    return { changed: ['faq'], result: await faq.list(club.id) };
  });
}
