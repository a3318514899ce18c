import { createHmac } from 'node:crypto';
import type { Poll } from '../../data-access/poll-repository.js';

/**
 * Who a vote is stored under. An open poll keeps the account id (officers may see who voted what). An
 * anonymous poll keeps an HMAC of poll and account under POLL_BALLOT_KEY: enough to keep one vote per
 * member and find the caller's own vote again, while nothing stored or answered names the voter, and
 * the same student's votes in two polls cannot be linked.
 */
export function ballotKey(poll: Pick<Poll, 'id' | 'anonymous'>, accountId: string, key: string): string {
  if (!poll.anonymous) return accountId;
  return createHmac('sha256', key).update(`${poll.id}\u0000${accountId}`).digest('base64url');
}
