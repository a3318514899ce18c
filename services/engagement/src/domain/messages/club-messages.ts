import type { AccessClaims } from '@sproul/common/auth';
import { messageRepository } from '../../data-access/message-repository.js';
import { messageNotFound } from '../../errors.js';
import { clubForOfficer } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { recipientView, summaryOf } from './message-view.js';

/** The club's messages, newest first, each with its recipients' counts by status (officers; admins read). */
export async function clubMessages(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  page: { limit: number; offset: number },
) {
  const club = await clubForOfficer(ctx.db, linkName, claims, 'read');
  const messages = messageRepository(ctx.db);
  const [list, total] = await Promise.all([
    messages.listOfClub(club.id, page.limit, page.offset),
    messages.countOfClub(club.id),
  ]);
  const counts = await messages.counts(list.map((message) => message.id));
  return {
    total,
    limit: page.limit,
    offset: page.offset,
    messages: list.map((message) => summaryOf(message, counts.get(message.id) ?? {})),
  };
}

/** One message: its text, counts, and every recipient's status. */
export async function clubMessage(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  id: string,
) {
  const club = await clubForOfficer(ctx.db, linkName, claims, 'read');
  const messages = messageRepository(ctx.db);
  const message = await messages.find(club.id, id);
  if (!message) throw messageNotFound();
  const [counts, recipients] = await Promise.all([messages.counts([id]), messages.recipients(id)]);
  return {
    ...summaryOf(message, counts.get(id) ?? {}),
    body: message.body,
    recipients: recipients.map(recipientView),
  };
}
