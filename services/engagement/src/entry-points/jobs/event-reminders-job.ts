import type { JobDefinition } from '@sproul/common/service';
import type { EngagementConfig } from '../../config.js';
import type { EngagementContext } from '../../domain/engagement-context.js';
import { remindersDue } from '../../domain/reminders/reminders-due.js';
import { sendReminders } from '../../domain/reminders/send-reminders.js';

/**
 * Every REMINDER_JOB_MS, texts the students going to an event that starts within REMINDER_LEAD_MS
 * (opted in, verified phone). Every replica may tick: the `reminders_sent` row makes each send once.
 */
export const eventRemindersJob: JobDefinition<EngagementContext, EngagementConfig> = {
  name: 'event-reminders',
  every: (config) => config.REMINDER_JOB_MS,
  async run(ctx, now) {
    const due = await remindersDue(ctx.db, now, ctx.config.REMINDER_LEAD_MS);
    const sent = await sendReminders(ctx, now, due);
    if (sent > 0) ctx.logger.info({ sent }, 'event reminders sent');
  },
};
