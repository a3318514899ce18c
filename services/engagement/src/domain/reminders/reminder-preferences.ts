import { reminderRepository } from '../../data-access/reminder-repository.js';
import type { EngagementContext } from '../engagement-context.js';

/** A student's reminder choices, and whether a verified phone lets an SMS reach them. */
export async function remindersOf(ctx: EngagementContext, accountId: string) {
  const reminders = reminderRepository(ctx.db);
  return {
    sms: await reminders.smsOptIn(accountId),
    phone_verified: (await reminders.phoneOf(accountId)) !== undefined,
  };
}

/** Opting in without a verified phone is allowed: reminders start once auth reports one. */
export async function setReminders(ctx: EngagementContext, accountId: string, input: { sms: boolean }) {
  await reminderRepository(ctx.db).setSmsOptIn(accountId, input.sms, ctx.clock());
  return remindersOf(ctx, accountId);
}
