import type { AccessClaims } from '@sproul/common/auth';
import { pollRepository } from '../../data-access/poll-repository.js';
import { closesInPast, pollClosed, pollNotFound, unknownOption } from '../../errors.js';
import { clubForOfficer } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { ballotKey } from './ballot-key.js';
import { clubForVoter, pollReader } from './poll-access.js';
import { isClosed, viewPoll } from './poll-view.js';

export interface NewPoll {
  question: string;
  options: string[];
  closes_at: string;
  anonymous: boolean;
}

const callerOf = (ctx: EngagementContext, claims: AccessClaims, seesVoters: boolean) => ({
  accountId: claims.sub,
  seesVoters,
  ballotSecret: ctx.config.POLL_BALLOT_KEY,
  now: ctx.clock(),
});

/** An officer's poll for the club's members; open until `closes_at` (or an early close). */
export async function createPoll(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  input: NewPoll,
) {
  const club = await clubForOfficer(ctx.db, linkName, claims, 'write');
  const now = ctx.clock();
  const closesAt = new Date(input.closes_at);
  if (closesAt.getTime() <= now.getTime()) throw closesInPast();
  const poll = {
    id: crypto.randomUUID(),
    clubId: club.id,
    question: input.question,
    options: input.options.map((text) => ({ id: crypto.randomUUID(), text })),
    anonymous: input.anonymous,
    closesAt,
    closedAt: null,
    createdBy: claims.sub,
    createdAt: now,
  };
  await pollRepository(ctx.db).insert(poll);
  return viewPoll(ctx.db, poll, callerOf(ctx, claims, true));
}

/** The club's polls, newest first, each as `pollOf` shows it to this caller. */
export async function clubPolls(ctx: EngagementContext, claims: AccessClaims, linkName: string) {
  const reader = await pollReader(ctx.db, linkName, claims);
  const list = await pollRepository(ctx.db).listOfClub(reader.club.id);
  const caller = callerOf(ctx, claims, reader.officer || reader.admin);
  return Promise.all(list.map((poll) => viewPoll(ctx.db, poll, caller)));
}

/** One poll with counts per option and the caller's vote; open polls' voters to officers and admins. */
export async function pollOf(ctx: EngagementContext, claims: AccessClaims, linkName: string, pollId: string) {
  const reader = await pollReader(ctx.db, linkName, claims);
  const poll = await pollRepository(ctx.db).find(reader.club.id, pollId);
  if (!poll) throw pollNotFound();
  return viewPoll(ctx.db, poll, callerOf(ctx, claims, reader.officer || reader.admin));
}

/**
 * A member's vote, or their changed vote, while the poll is open. The poll row is locked for the
 * transaction, so a vote and an early close are ordered: no vote lands after the close.
 */
export async function castVote(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  pollId: string,
  optionId: string,
) {
  return ctx.db.transaction(async (tx) => {
    const club = await clubForVoter(tx, linkName, claims);
    const polls = pollRepository(tx);
    const poll = await polls.findForUpdate(club.id, pollId);
    if (!poll) throw pollNotFound();
    const now = ctx.clock();
    if (isClosed(poll, now)) throw pollClosed();
    if (!poll.options.some((option) => option.id === optionId)) throw unknownOption();
    await polls.vote(poll.id, ballotKey(poll, claims.sub, ctx.config.POLL_BALLOT_KEY), optionId, now);
    return viewPoll(tx, poll, callerOf(ctx, claims, false));
  });
}

/** An officer closes the poll now (a poll already closed stays as it closed). */
export async function closePoll(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  pollId: string,
) {
  return ctx.db.transaction(async (tx) => {
    const club = await clubForOfficer(tx, linkName, claims, 'write');
    const polls = pollRepository(tx);
    const poll = await polls.findForUpdate(club.id, pollId);
    if (!poll) throw pollNotFound();
    const now = ctx.clock();
    if (!isClosed(poll, now)) {
      await polls.close(poll.id, now);
      poll.closedAt = now;
    }
    return viewPoll(tx, poll, callerOf(ctx, claims, true));
  });
}
