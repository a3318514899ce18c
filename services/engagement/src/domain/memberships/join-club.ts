import type { AccessClaims } from '@sproul/common/auth';
import type { MembershipStatus } from '@sproul/common/events';
import { type Club, clubRepository, type Question } from '../../data-access/club-repository.js';
import { membershipRepository } from '../../data-access/membership-repository.js';
import { peopleRepository } from '../../data-access/people-repository.js';
import { clubNotAccepting, invalidMove, missingAnswers, notAChoice, unknownQuestions } from '../../errors.js';
import { findClub } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { allowedMoves, type From, findMove, joinStatus } from '../membership-moves.js';
import { applyMove } from './apply-move.js';
import { viewOf } from './membership-view.js';

export interface Application {
  answers: Record<string, string>;
  resume: boolean;
  year?: number;
  major?: number;
}

/** Answers must name the club's questions, cover the required ones and pick among choices. */
export function checkAnswers(questions: Question[], answers: Record<string, string>) {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const unknown = Object.keys(answers).filter((id) => !byId.has(id));
  if (unknown.length > 0) throw unknownQuestions(unknown);
  const missing = questions
    .filter((question) => question.required && !answers[question.id]?.trim())
    .map((question) => question.id);
  if (missing.length > 0) throw missingAnswers(missing);
  const offChoice = Object.entries(answers)
    .filter(([id, answer]) => {
      const choices = byId.get(id)?.choices;
      return choices && answer !== '' && !choices.includes(answer);
    })
    .map(([id]) => id);
  if (offChoice.length > 0) throw notAChoice(offChoice);
}

/**
 * A student applies to a club (or joins it, where it takes members without an application), or comes
 * back after withdrawing or being rejected. Year and major default to the student's profile.
 */
export async function joinClub(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  body: Application,
) {
  return ctx.outbox.transaction(async (tx) => {
    const club = await findClub(tx, linkName);
    const existing = await membershipRepository(tx).findFor(club.id, claims.sub);
    const from: From = (existing?.status as MembershipStatus | undefined) ?? 'none';
    const to = joinStatus(club);
    if (!findMove(from, to, 'student', club)) {
      if (!club.accepting && (from === 'none' || from === 'withdrawn' || from === 'rejected')) {
        throw clubNotAccepting();
      }
      throw invalidMove(from, allowedMoves(from, 'student', club));
    }
    checkAnswers(await clubRepository(tx).questions(club.id), body.answers);
    const profile = await peopleRepository(tx).profile(claims.sub);
    const details = {
      answers: body.answers,
      hasResume: body.resume,
      year: body.year ?? profile?.year ?? null,
      major: body.major ?? profile?.majors[0] ?? null,
    };
    const at = ctx.clock();
    const move = { from, to, actor: { side: 'student' as const, id: claims.sub }, note: null, at };
    const row = await applyMove(tx, ctx.outbox, move, club.id, () =>
      existing
        ? membershipRepository(tx).move(existing.id, existing.status as MembershipStatus, to, at, {
            ...details,
            appliedAt: at,
          })
        : membershipRepository(tx).create({
            id: crypto.randomUUID(),
            clubId: club.id,
            accountId: claims.sub,
            status: to,
            ...details,
            appliedAt: at,
            updatedAt: at,
          }),
    );
    if (!row) throw await raced(tx, club, claims.sub);
    return viewOf(tx, row, club, 'student');
  });
}

/** Another request moved the student's record first: a 409 naming where it is now. */
async function raced(tx: Parameters<typeof membershipRepository>[0], club: Club, accountId: string) {
  const now = await membershipRepository(tx).findFor(club.id, accountId);
  const status = (now?.status as MembershipStatus | undefined) ?? 'none';
  return invalidMove(status, allowedMoves(status, 'student', club));
}
