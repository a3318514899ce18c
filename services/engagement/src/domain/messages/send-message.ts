import type { AccessClaims } from '@sproul/common/auth';
import type { Tx } from '@sproul/common/db';
import {
  BulkEmailRequestedV1,
  type EventData,
  type MembershipStatus,
  makeEvent,
  type RsvpStatus,
} from '@sproul/common/events';
import type { Club } from '../../data-access/club-repository.js';
import { type MessageRecipient, messageRepository } from '../../data-access/message-repository.js';
import { rsvpRepository } from '../../data-access/rsvp-repository.js';
import { noRecipients, tooManyRecipients } from '../../errors.js';
import { clubForOfficer } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { eachPerson, selectPeople } from '../roster/select-people.js';
import { findEvent } from '../rsvps/rsvps.js';
import { checkPlaceholders, clubPageUrl, fieldsOf } from './message-template.js';
import { summaryOf } from './message-view.js';
import { checkSendRate } from './send-rate.js';

/**
 * Whom a message goes to. Named keys, so the next kinds of recipient (an event's RSVPed attendees)
 * are new keys beside these.
 */
export type MessageRecipients =
  | { statuses: MembershipStatus[]; year?: number; major?: number }
  | { event: { id: string; statuses: RsvpStatus[] } };

export interface NewMessage {
  subject: string;
  body: string;
  to: MessageRecipients;
}

type Recipient = EventData<typeof BulkEmailRequestedV1>['recipients'][number];

/**
 * The club's people the filter picks, with the roster's own function, one per address (lower-cased,
 * as the mailer keys them). People whose address engagement does not know yet are left out. Stops at
 * one over the maximum (a refusal need not read a whole large roster), then counts the matches.
 */
async function pickRecipients(ctx: EngagementContext, tx: Tx, club: Club, to: MessageRecipients) {
  if ('event' in to) return pickAttendees(ctx, tx, club, to.event);
  const clubUrl = clubPageUrl(ctx.config.FRONTEND_BASE_URL, club);
  const max = ctx.config.MESSAGE_MAX_RECIPIENTS;
  const picked = new Map<string, { recipient: Recipient; name: string | null }>();
  for await (const person of eachPerson(tx, club.id, to)) {
    if (!person.email) continue;
    const email = person.email.trim().toLowerCase();
    if (picked.has(email)) continue;
    picked.set(email, {
      recipient: {
        to: email,
        userId: person.accountId,
        fields: fieldsOf({ ...person, email }, club, clubUrl),
      },
      name: person.name,
    });
    if (picked.size > max) {
      const { total } = await selectPeople(tx, club.id, to, { limit: 1, offset: 0 });
      throw tooManyRecipients(total, max);
    }
  }
  if (picked.size === 0) throw noRecipients();
  return [...picked.values()];
}

/**
 * An event's attendees in these RSVP statuses (issue 21), one per address, with the same fields as
 * the roster's people (`status` being the RSVP's). The event must be the club's (else 404).
 */
async function pickAttendees(
  ctx: EngagementContext,
  tx: Tx,
  club: Club,
  event: { id: string; statuses: RsvpStatus[] },
) {
  await findEvent(tx, club, event.id);
  const clubUrl = clubPageUrl(ctx.config.FRONTEND_BASE_URL, club);
  const rows = (await rsvpRepository(tx).listFor(event.id, event.statuses)).filter((row) => row.accountId);
  const picked = new Map<string, { recipient: Recipient; name: string | null }>();
  for (const row of rows) {
    const email = row.email.trim().toLowerCase();
    if (picked.has(email)) continue;
    const fields = fieldsOf(
      { name: row.name, email, status: row.status } as Parameters<typeof fieldsOf>[0],
      club,
      clubUrl,
    );
    picked.set(email, { recipient: { to: email, userId: row.accountId, fields }, name: row.name });
  }
  if (picked.size > ctx.config.MESSAGE_MAX_RECIPIENTS) {
    throw tooManyRecipients(picked.size, ctx.config.MESSAGE_MAX_RECIPIENTS);
  }
  if (picked.size === 0) throw noRecipients();
  return [...picked.values()];
}

/**
 * An officer's email to some of the club's people: checked (placeholders, rate, recipients), stored
 * with a pending row per recipient, and handed to the mailer as one BulkEmailRequested, all in one
 * transaction: the message exists exactly when its request is on the way.
 */
export async function sendMessage(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  input: NewMessage,
) {
  return ctx.outbox.transaction(async (tx) => {
    const club = await clubForOfficer(tx, linkName, claims, 'write');
    checkPlaceholders(input.subject, input.body);
    const messages = messageRepository(tx);
    await messages.lockClubSends(club.id);
    const now = ctx.clock();
    await checkSendRate(tx, club.id, now, {
      perHour: ctx.config.MESSAGES_PER_CLUB_PER_HOUR,
      perDay: ctx.config.MESSAGES_PER_CLUB_PER_DAY,
    });
    const picked = await pickRecipients(ctx, tx, club, input.to);
    const message = {
      id: crypto.randomUUID(),
      clubId: club.id,
      sentBy: claims.sub,
      subject: input.subject,
      body: input.body,
      filter: { ...input.to } as Record<string, unknown>,
      createdAt: now,
    };
    const rows: MessageRecipient[] = picked.map(({ recipient, name }) => ({
      messageId: message.id,
      email: recipient.to,
      accountId: recipient.userId as string,
      name,
      status: 'pending',
      error: null,
      updatedAt: now,
    }));
    await messages.insert(message, rows);
    const request = makeEvent(
      BulkEmailRequestedV1,
      {
        bulkId: message.id,
        clubId: club.id,
        clubName: club.name.slice(0, 200),
        requestedBy: claims.sub,
        subject: input.subject,
        body: input.body,
        recipients: picked.map(({ recipient }) => recipient),
      },
      'engagement',
    );
    await ctx.outbox.append(tx, [request]);
    return summaryOf(message, { pending: rows.length });
  });
}
