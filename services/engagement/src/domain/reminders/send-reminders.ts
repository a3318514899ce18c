import { type EventData, makeEvent, SmsRequestedV1 } from '@sproul/common/events';
import { reminderRepository } from '../../data-access/reminder-repository.js';
import type { EngagementContext } from '../engagement-context.js';
import type { DueReminder } from './reminders-due.js';

const SMS_MAX = 480;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The reminder's text, the start in the campus time zone; within an SMS request's 480 characters. */
export function reminderText(due: DueReminder, timeZone: string): string {
  const when = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(due.startsAt);
  const where = due.location.trim() ? ` at ${clip(due.location.trim(), 120)}` : '';
  const text = `Reminder: ${clip(due.eventName, 150)} (${clip(due.clubName, 100)}) starts ${when}${where}. Reminders can be turned off in your settings.`;
  return clip(text, SMS_MAX);
}

/**
 * Sends one SmsRequested (purpose `event-reminder`) per due reminder whose student opted in and has a
 * verified phone, each in its own transaction with its `reminders_sent` row: a (student, event) pair
 * is sent at most once, whichever replica or tick gets there first. Returns how many were sent.
 */
export async function sendReminders(ctx: EngagementContext, now: Date, due: DueReminder[]): Promise<number> {
  const phones = await reminderRepository(ctx.db).smsRecipients([...new Set(due.map((d) => d.accountId))]);
  let sent = 0;
  for (const reminder of due) {
    const phone = phones.get(reminder.accountId);
    if (!phone) continue;
    const data: EventData<typeof SmsRequestedV1> = {
      to: phone,
      text: reminderText(reminder, ctx.config.CAMPUS_TZ),
      purpose: 'event-reminder',
      userId: reminder.accountId,
    };
    const marked = await ctx.outbox.transaction(async (tx) => {
      if (!(await reminderRepository(tx).markSent(reminder.accountId, reminder.eventId, now))) return false;
      await ctx.outbox.append(tx, [makeEvent(SmsRequestedV1, data, 'engagement')]);
      return true;
    });
    if (marked) sent += 1;
  }
  return sent;
}
