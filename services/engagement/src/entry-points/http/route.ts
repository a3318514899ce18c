import { routesOf } from '@sproul/common/service';
import type { EngagementContext } from '../../domain/engagement-context.js';

export const route = routesOf<EngagementContext>();

export const CLUB_TAG = 'Club (membership)';
export const STUDENT_TAG = 'Student (memberships)';
export const POLL_TAG = 'Club (polls)';
export const FEEDBACK_TAG = 'Feedback';
export const REMINDER_TAG = 'Student (reminders)';
