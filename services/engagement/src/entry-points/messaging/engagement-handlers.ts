import type { EngagementContext } from '../../domain/engagement-context.js';
import { endMembershipsWhenClubDeleted } from './end-memberships-when-club-deleted.handler.js';
import { forgetAccountWhenAccountDeleted } from './forget-account-when-account-deleted.handler.js';
import { keepClubWhenClubCreated, keepClubWhenClubUpdated } from './keep-clubs-when-club-changed.handler.js';
// ---- RSVPs (issue 21) ----
import {
  keepEventWhenClubEventChanged,
  keepEventWhenClubEventScheduled,
  markEventWhenClubEventCancelled,
} from './keep-events-when-club-event-changed.handler.js';
// ----
import { keepOfficersWhenClubOfficerChanged } from './keep-officers-when-club-officer-changed.handler.js';
import {
  keepPeopleWhenAccountSnapshot,
  keepPeopleWhenUserRegistered,
  keepProfileWhenStudentProfileUpdated,
} from './keep-people-when-account-changed.handler.js';
import { keepPhonesWhenPhoneNumberChanged } from './keep-phones-when-phone-number-changed.handler.js';
import { recordAnswerWhenReadModelReplayed } from './record-answer-when-read-model-replayed.handler.js';
import { settleRecipientsWhenBulkEmailProgressed } from './settle-recipients-when-bulk-email-progressed.handler.js';

/**
 * The events engagement follows: clubs (catalog), teams and accounts (auth), student profiles (catalog),
 * its messages' delivery (mailer), and the owners' word that they answered its replay request.
 */
export const engagementHandlers = (ctx: EngagementContext) => [
  keepClubWhenClubCreated(),
  keepClubWhenClubUpdated(),
  endMembershipsWhenClubDeleted(),
  keepOfficersWhenClubOfficerChanged(),
  keepPeopleWhenUserRegistered(),
  keepPeopleWhenAccountSnapshot(),
  keepProfileWhenStudentProfileUpdated(),
  forgetAccountWhenAccountDeleted(ctx.outbox),
  settleRecipientsWhenBulkEmailProgressed(ctx),
  recordAnswerWhenReadModelReplayed(),
  // Polls, feedback and SMS reminders (issue 21): auth's verified phones, where reminders go.
  keepPhonesWhenPhoneNumberChanged(),
  // ---- RSVPs (issue 21): the catalog's club events ----
  keepEventWhenClubEventScheduled(),
  keepEventWhenClubEventChanged(),
  markEventWhenClubEventCancelled(),
];
