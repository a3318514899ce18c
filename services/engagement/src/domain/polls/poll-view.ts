import type { DbOrTx } from '@sproul/common/db';
import { inArray } from 'drizzle-orm';
import { type Poll, pollRepository } from '../../data-access/poll-repository.js';
import { people } from '../../data-access/schema.js';
import { ballotKey } from './ballot-key.js';

export interface PollOptionView {
  id: string;
  text: string;
  count: number;
  /** Who chose it: non-anonymous polls, to the club's officers (and admins) only. */
  voters?: { account_id: string; name: string | null }[];
}

export interface PollView {
  id: string;
  question: string;
  anonymous: boolean;
  closes_at: string;
  closed_at: string | null;
  closed: boolean;
  created_at: string;
  total_votes: number;
  options: PollOptionView[];
  /** The caller's own choice (an option id), or null. */
  my_vote: string | null;
}

export const isClosed = (poll: Poll, now: Date) =>
  poll.closedAt !== null || poll.closesAt.getTime() <= now.getTime();

/**
 * A poll as the caller may see it. An anonymous poll's view never carries voters, whoever asks: its
 * votes are stored under hashes (ballot-key.ts), so there is nothing to show.
 */
export async function viewPoll(
  db: DbOrTx,
  poll: Poll,
  caller: { accountId: string; seesVoters: boolean; ballotSecret: string; now: Date },
): Promise<PollView> {
  const polls = pollRepository(db);
  const counts = await polls.counts(poll.id);
  const myVote = await polls.voteOf(poll.id, ballotKey(poll, caller.accountId, caller.ballotSecret));
  const voters = !poll.anonymous && caller.seesVoters ? await namedVoters(db, poll.id) : undefined;
  const options = poll.options.map((option) => ({
    id: option.id,
    text: option.text,
    count: counts.get(option.id) ?? 0,
    ...(voters ? { voters: voters.get(option.id) ?? [] } : {}),
  }));
  return {
    id: poll.id,
    question: poll.question,
    anonymous: poll.anonymous,
    closes_at: poll.closesAt.toISOString(),
    closed_at: poll.closedAt?.toISOString() ?? null,
    closed: isClosed(poll, caller.now),
    created_at: poll.createdAt.toISOString(),
    total_votes: options.reduce((sum, option) => sum + option.count, 0),
    options,
    my_vote: myVote,
  };
}

async function namedVoters(db: DbOrTx, pollId: string) {
  const byOption = await pollRepository(db).votersByOption(pollId);
  const ids = [...new Set([...byOption.values()].flat())];
  const names = new Map<string, string | null>();
  if (ids.length > 0) {
    const rows = await db
      .select({ id: people.accountId, name: people.name })
      .from(people)
      .where(inArray(people.accountId, ids));
    for (const row of rows) names.set(row.id, row.name);
  }
  return new Map(
    [...byOption].map(([optionId, accounts]) => [
      optionId,
      accounts.map((id) => ({ account_id: id, name: names.get(id) ?? null })),
    ]),
  );
}
