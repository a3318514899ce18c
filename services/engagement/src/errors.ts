import { AppError } from '@sproul/common/errors';
import type { MembershipStatus } from '@sproul/common/events';

// The engagement service's errors, by name, all answered as the shared JSON envelope.

export const clubNotFound = () =>
  new AppError('ENGAGEMENT.CLUB_NOT_FOUND', 404, 'No club has this link name');

export const notClubOfficer = () =>
  new AppError('AUTH.FORBIDDEN', 403, "Only this club's officers may do this");

export const membershipNotFound = () =>
  new AppError('ENGAGEMENT.MEMBERSHIP_NOT_FOUND', 404, 'This club has no such membership');

/** A move the state machine does not allow this caller from the membership's current status. */
export const invalidMove = (status: MembershipStatus | 'none', allowed: readonly MembershipStatus[]) =>
  new AppError('ENGAGEMENT.INVALID_MOVE', 409, `This move is not allowed from status ${status}`, {
    status,
    allowed,
  });

export const clubNotAccepting = () =>
  new AppError('ENGAGEMENT.NOT_ACCEPTING', 409, 'This club is not taking new members now');

export const unknownQuestions = (ids: string[]) =>
  new AppError('REQUEST.INVALID', 400, "Answers name questions this club doesn't ask", { answers: ids });

export const missingAnswers = (ids: string[]) =>
  new AppError('REQUEST.INVALID', 400, 'Required questions are not answered', { answers: ids });

export const notAChoice = (ids: string[]) =>
  new AppError('REQUEST.INVALID', 400, "Answers are not among their questions' choices", { answers: ids });

export const foreignQuestion = (ids: string[]) =>
  new AppError('REQUEST.INVALID', 400, 'Question ids that are not this club’s', { questions: ids });

export const noResume = () => new AppError('ENGAGEMENT.NO_RESUME', 404, 'This application has no résumé');

export const mediaUnavailable = () =>
  new AppError('UPSTREAM.UNAVAILABLE', 503, 'Résumés cannot be fetched right now; try again shortly');

export const unknownPlaceholders = (names: string[], known: readonly string[]) =>
  new AppError('REQUEST.INVALID', 400, `Unknown placeholders: ${names.join(', ')}`, {
    placeholders: names,
    known,
  });

export const noRecipients = () =>
  new AppError('ENGAGEMENT.NO_RECIPIENTS', 422, 'Nobody in this club matches these recipients');

export const tooManyRecipients = (matching: number, max: number) =>
  new AppError('ENGAGEMENT.TOO_MANY_RECIPIENTS', 413, `A message may go to at most ${max} people`, {
    matching,
    max,
  });

export const messageNotFound = () =>
  new AppError('ENGAGEMENT.MESSAGE_NOT_FOUND', 404, 'This club has no such message');

/** Over the club's send allowance; the route answers `Retry-After` from `retryAfter` (seconds). */
export class MessagesLimited extends AppError {
  constructor(
    readonly retryAfter: number,
    window: 'hour' | 'day',
    limit: number,
  ) {
    super(
      'ENGAGEMENT.MESSAGES_LIMITED',
      429,
      `A club may send ${limit} messages per ${window}; try again in ${retryAfter} seconds`,
      { retry_after: retryAfter, window, limit },
    );
  }
}

// ---- Polls, feedback and SMS reminders (issue 21) ----

export const pollNotFound = () =>
  new AppError('ENGAGEMENT.POLL_NOT_FOUND', 404, 'This club has no such poll');

export const notClubMember = () =>
  new AppError('AUTH.FORBIDDEN', 403, "Only this club's members (and its officers, to read) may do this");

export const pollClosed = () => new AppError('ENGAGEMENT.POLL_CLOSED', 409, 'This poll is closed');

export const unknownOption = () =>
  new AppError('REQUEST.INVALID', 400, "This option is not one of the poll's", { option_id: 'unknown' });

export const closesInPast = () =>
  new AppError('REQUEST.INVALID', 400, 'closes_at must be in the future', { closes_at: 'in the past' });

/** Over an account's feedback allowance; the route answers `Retry-After` from `retryAfter` (seconds). */
export class FeedbackLimited extends AppError {
  constructor(
    readonly retryAfter: number,
    limit: number,
  ) {
    super(
      'ENGAGEMENT.FEEDBACK_LIMITED',
      429,
      `An account may send ${limit} feedback per hour; try again in ${retryAfter} seconds`,
      { retry_after: retryAfter, window: 'hour', limit },
    );
  }
}
// ---- RSVPs, tickets and check-in (issue 21) ----

export const eventNotFound = () =>
  new AppError('ENGAGEMENT.EVENT_NOT_FOUND', 404, 'This club has no such event');

export const rsvpNotFound = () =>
  new AppError('ENGAGEMENT.RSVP_NOT_FOUND', 404, 'This event has no such RSVP');

/** An RSVP move the table does not allow this caller from the RSVP's current status. */
export const invalidRsvpMove = (status: string, allowed: readonly string[]) =>
  new AppError('ENGAGEMENT.INVALID_MOVE', 409, `This move is not allowed from status ${status}`, {
    status,
    allowed,
  });

export const rsvpClosed = (why: string) => new AppError('ENGAGEMENT.RSVP_CLOSED', 409, why);

export const eventFull = () =>
  new AppError('ENGAGEMENT.EVENT_FULL', 409, 'This event is full and keeps no waitlist');

export const membersOnly = () =>
  new AppError('AUTH.FORBIDDEN', 403, "Only this club's members may RSVP to this event");

export const ticketNotFound = () => new AppError('ENGAGEMENT.TICKET_NOT_FOUND', 404, 'No such ticket');

export const badTicket = () =>
  new AppError('ENGAGEMENT.INVALID_TICKET', 422, 'This ticket is not valid for this event');

export const alreadyCheckedIn = (count: number) =>
  new AppError(
    'ENGAGEMENT.ALREADY_CHECKED_IN',
    409,
    'Already checked in; send again: true to count a re-entry',
    {
      count,
    },
  );

export const calendarNotFound = () =>
  new AppError('ENGAGEMENT.CALENDAR_NOT_FOUND', 404, 'No such calendar feed');
