import type { Tx } from '@sproul/common/db';
import { messageRepository } from '../../data-access/message-repository.js';
import { MessagesLimited } from '../../errors.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Refuses a club's send over its allowances (per rolling hour and day), counted from the messages it
 * sent: true across restarts and replicas. The caller holds the club's send lock, so two sends at once
 * cannot both take the last place. The wait is until enough of the window's messages have aged out.
 */
export async function checkSendRate(
  tx: Tx,
  clubId: string,
  now: Date,
  limits: { perHour: number; perDay: number },
) {
  const sent = await messageRepository(tx).sentSince(clubId, new Date(now.getTime() - DAY));
  const lastHour = sent.filter((at) => at.getTime() > now.getTime() - HOUR);
  const waits: { until: number; window: 'hour' | 'day'; limit: number }[] = [];
  // Newest first: once the limit-th newest leaves the window, one fewer than the limit remain in it.
  if (lastHour.length >= limits.perHour) {
    const until = (lastHour[limits.perHour - 1] as Date).getTime() + HOUR;
    waits.push({ until, window: 'hour', limit: limits.perHour });
  }
  if (sent.length >= limits.perDay) {
    const until = (sent[limits.perDay - 1] as Date).getTime() + DAY;
    waits.push({ until, window: 'day', limit: limits.perDay });
  }
  if (waits.length === 0) return;
  const longest = waits.reduce((a, b) => (b.until > a.until ? b : a));
  const seconds = Math.max(1, Math.ceil((longest.until - now.getTime()) / 1000));
  throw new MessagesLimited(seconds, longest.window, longest.limit);
}
