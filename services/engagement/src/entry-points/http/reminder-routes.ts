import { z } from 'zod';
import { remindersOf, setReminders } from '../../domain/reminders/reminder-preferences.js';
import { REMINDER_TAG, route } from './route.js';

const remindersView = z.object({
  sms: z.boolean(),
  phone_verified: z.boolean().describe('Whether auth has a verified phone for you (texts need one)'),
});

/** A student's choice of an SMS before the events they are going to. */
export const reminderRoutes = [
  route(
    {
      method: 'get',
      path: '/api/student/reminders',
      tag: REMINDER_TAG,
      auth: ['student'],
      summary: 'Your reminder choices',
      responses: { 200: { description: 'Reminder choices', schema: remindersView } },
    },
    ({ ctx, claims }) => remindersOf(ctx, claims.sub),
  ),
  route(
    {
      method: 'put',
      path: '/api/student/reminders',
      tag: REMINDER_TAG,
      auth: ['student'],
      summary: 'Text me before events I am going to (needs a verified phone: /api/user/phone)',
      body: z.strictObject({ sms: z.boolean() }),
      responses: { 200: { description: 'Reminder choices', schema: remindersView } },
    },
    ({ ctx, claims, body }) => setReminders(ctx, claims.sub, body),
  ),
];
