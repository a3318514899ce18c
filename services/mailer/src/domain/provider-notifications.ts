import { suppressionList } from '../data-access/suppression-repository.js';
import type { MailerContext } from './mailer-context.js';

/** The parts of an SES bounce or complaint notification we act on (as SES sends it, or wrapped by SNS). */
export interface SesNotification {
  notificationType: string;
  bounce?: { bounceType: string; bouncedRecipients: { emailAddress: string }[] };
  complaint?: { complainedRecipients: { emailAddress: string }[] };
}

/**
 * Puts bounced (permanent bounces only: a full mailbox recovers) and complaining addresses on the
 * suppression list for every kind of mail. Answers how many addresses it suppressed.
 */
export async function applyNotification(
  ctx: MailerContext,
  note: SesNotification,
): Promise<number | undefined> {
  const list = suppressionList(ctx.db);
  if (note.notificationType === 'Bounce' && note.bounce) {
    if (note.bounce.bounceType !== 'Permanent') return 0;
    for (const { emailAddress } of note.bounce.bouncedRecipients)
      await list.add(emailAddress, 'all', 'bounce');
    return note.bounce.bouncedRecipients.length;
  }
  if (note.notificationType === 'Complaint' && note.complaint) {
    for (const { emailAddress } of note.complaint.complainedRecipients)
      await list.add(emailAddress, 'all', 'complaint');
    return note.complaint.complainedRecipients.length;
  }
  return undefined;
}
