import type { AccessClaims } from '@sproul/common/auth';
import type { Tx } from '@sproul/common/db';
import {
  type Feedback,
  type FeedbackKind,
  feedbackOfClub,
  feedbackOfKind,
  feedbackRepository,
} from '../../data-access/feedback-repository.js';
import { rsvpRepository } from '../../data-access/rsvp-repository.js';
import { eventNotFound, FeedbackLimited } from '../../errors.js';
import { clubForOfficer, findClub } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';

const HOUR = 3_600_000;

export type FeedbackAbout =
  | { kind: 'event'; club: string; event_id: string }
  | { kind: 'club'; club: string }
  | { kind: 'platform' };

export interface NewFeedback {
  about: FeedbackAbout;
  rating: number;
  comment: string;
}

interface Page {
  limit: number;
  offset: number;
}

/** What officers read: no author (feedback to a club is not signed to it). */
const clubView = (row: Feedback) => ({
  id: row.id,
  kind: row.kind,
  event_id: row.eventId,
  rating: row.rating,
  comment: row.comment,
  created_at: row.createdAt.toISOString(),
});

/** What admins read: the author's account id and the club's id besides. */
const adminView = (row: Feedback) => ({ ...clubView(row), account_id: row.accountId, club_id: row.clubId });

/**
 * Refuses an account's send over FEEDBACK_PER_ACCOUNT_PER_HOUR, counted from its stored feedback (true
 * across restarts and replicas); the wait is until the oldest send of the window ages out.
 */
async function checkFeedbackRate(tx: Tx, accountId: string, now: Date, perHour: number) {
  const sent = await feedbackRepository(tx).sentSince(accountId, new Date(now.getTime() - HOUR));
  if (sent.length < perHour) return;
  const until = (sent[perHour - 1] as Date).getTime() + HOUR;
  throw new FeedbackLimited(Math.max(1, Math.ceil((until - now.getTime()) / 1000)), perHour);
}

/**
 * Any signed-in account's feedback about an event, a club or the platform. An event must be one of the
 * club's (engagement's copy of the catalog's events; a cancelled one may still be rated), else 404.
 */
export async function sendFeedback(ctx: EngagementContext, claims: AccessClaims, input: NewFeedback) {
  return ctx.db.transaction(async (tx) => {
    const club = input.about.kind === 'platform' ? null : await findClub(tx, input.about.club);
    if (
      club &&
      input.about.kind === 'event' &&
      !(await rsvpRepository(tx).findEvent(club.id, input.about.event_id))
    )
      throw eventNotFound();
    const repository = feedbackRepository(tx);
    await repository.lockAccountSends(claims.sub);
    const now = ctx.clock();
    await checkFeedbackRate(tx, claims.sub, now, ctx.config.FEEDBACK_PER_ACCOUNT_PER_HOUR);
    const row: Feedback = {
      id: crypto.randomUUID(),
      accountId: claims.sub,
      kind: input.about.kind,
      clubId: club?.id ?? null,
      eventId: input.about.kind === 'event' ? input.about.event_id : null,
      rating: input.rating,
      comment: input.comment,
      createdAt: now,
    };
    await repository.insert(row);
    return clubView(row);
  });
}

/** A club's feedback (about it and its events), newest first, with averages (officers; admins read). */
export async function clubFeedback(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  page: Page,
) {
  const club = await clubForOfficer(ctx.db, linkName, claims, 'read');
  const repository = feedbackRepository(ctx.db);
  const { total, rows } = await repository.page(feedbackOfClub(club.id), page);
  return {
    total,
    ...page,
    club: await repository.clubAverage(club.id),
    events: await repository.eventAverages(club.id),
    feedback: rows.map(clubView),
  };
}

/** All feedback, newest first, optionally of one kind (admins). */
export async function allFeedback(ctx: EngagementContext, kind: FeedbackKind | undefined, page: Page) {
  const { total, rows } = await feedbackRepository(ctx.db).page(feedbackOfKind(kind), page);
  return { total, ...page, feedback: rows.map(adminView) };
}
