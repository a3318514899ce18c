import { AppError } from '@sproul/common/errors';

// The mailer's errors, by name.

/** An unsubscribe link whose signature is not ours (altered, or made up). */
export const badUnsubscribeLink = () =>
  new AppError('MAILER.BAD_UNSUBSCRIBE_LINK', 400, 'This unsubscribe link is not valid.');

/** A provider notification that is neither a bounce nor a complaint we understand. */
export const unknownNotification = (type: string) =>
  new AppError('MAILER.UNKNOWN_NOTIFICATION', 400, 'Not a bounce or complaint notification', { type });

/** No bulk email has this id (never requested, or not consumed yet). */
export const bulkEmailNotFound = () =>
  new AppError('MAILER.BULK_EMAIL_NOT_FOUND', 404, 'No bulk email has this id.');
