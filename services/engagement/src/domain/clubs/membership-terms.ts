import { type Club, clubRepository, type Question } from '../../data-access/club-repository.js';
import { membershipRepository } from '../../data-access/membership-repository.js';
import { foreignQuestion } from '../../errors.js';
import type { EngagementContext } from '../engagement-context.js';
import { findClub } from './club-access.js';

export const MAX_QUESTIONS = 20;

export interface QuestionInput {
  id?: string;
  prompt: string;
  required: boolean;
  choices?: string[];
}

const questionView = (question: Question) => ({
  id: question.id,
  prompt: question.prompt,
  required: question.required,
  choices: question.choices ?? null,
});

/** How a club takes members (anyone may ask): open or not, by application or not, its questions. */
export async function membershipTerms(ctx: EngagementContext, linkName: string) {
  const club = await findClub(ctx.db, linkName);
  return termsOf(ctx.db, club);
}

async function termsOf(db: EngagementContext['db'], club: Club) {
  const [questions, memberCount] = await Promise.all([
    clubRepository(db).questions(club.id),
    membershipRepository(db).memberCount(club.id),
  ]);
  return {
    accepting: club.accepting,
    application_required: club.applicationRequired,
    questions: questions.map(questionView),
    member_count: memberCount,
  };
}

/**
 * The club's questions become these, in this order: a question with an id keeps it (answers already
 * given to it stay readable), one without gets a new id, one left out is dropped.
 */
export async function replaceQuestions(ctx: EngagementContext, club: Club, input: QuestionInput[]) {
  return ctx.outbox.transaction(async (tx) => {
    const clubs = clubRepository(tx);
    const known = new Set((await clubs.questions(club.id)).map((question) => question.id));
    const foreign = input.flatMap((question) =>
      question.id && !known.has(question.id) ? [question.id] : [],
    );
    if (foreign.length > 0) throw foreignQuestion(foreign);
    await clubs.replaceQuestions(
      club.id,
      input.map((question, position) => ({
        id: question.id ?? crypto.randomUUID(),
        clubId: club.id,
        position,
        prompt: question.prompt,
        required: question.required,
        choices: question.choices?.length ? question.choices : null,
      })),
    );
    return termsOf(tx, club);
  });
}
