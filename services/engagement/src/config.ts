import { createHmac } from 'node:crypto';
import { commonConfigSchema, urlSchema } from '@sproul/common/config';
import { BULK_EMAIL_MAX_RECIPIENTS } from '@sproul/common/events';
import { replayConfigFields } from '@sproul/common/messaging';
import { z } from 'zod';

// ---- RSVP tickets (issue 21): the embedded mode's public default, refused where DATABASE_URL is set.
const DEV_TICKET_SECRET = 'embedded-mode-only-ticket-secret';

/** Environment variables the engagement service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema
  .extend({
    /** Auth's base URL: its /.well-known/jwks.json verifies access tokens. */
    AUTH_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8081'),
    /** Media's base URL: officers' résumé downloads ask its `/internal/documents/:userId/resume`. */
    MEDIA_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8083'),
    /** Per attempt; a résumé link is worth a short wait, not a hung roster page. */
    MEDIA_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2_000),
    /** The web front end: a message's `{{club_url}}` is its club page, `/club/<link>`. */
    FRONTEND_BASE_URL: urlSchema(['http:', 'https:']).default('http://localhost:3000'),
    /** Messages a club may send per rolling hour, and per rolling day (counted from its sent messages). */
    MESSAGES_PER_CLUB_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
    MESSAGES_PER_CLUB_PER_DAY: z.coerce.number().int().min(1).max(10_000).default(10),
    /** Most recipients of one message: at most what one BulkEmailRequested may carry. */
    MESSAGE_MAX_RECIPIENTS: z.coerce
      .number()
      .int()
      .min(1)
      .max(BULK_EMAIL_MAX_RECIPIENTS)
      .default(BULK_EMAIL_MAX_RECIPIENTS),
    /**
     * REPLAY_ON_FIRST_START, REPLAY_RETRY_MS, REPLAY_RETRY_MAX_MS: a first start with no replay recorded
     * asks auth and the catalog to restate their state, once (see domain/catch-up), and re-sends it.
     */
    ...replayConfigFields,
    // ---- RSVPs, tickets and check-in (issue 21) ----
    /** Signs event tickets (HMAC-SHA256); required outside the embedded mode (the default is public). */
    TICKET_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_TICKET_SECRET),
    /** The gateway's public URL: tickets' QR images and students' calendar feeds are links on it. */
    PUBLIC_BASE_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8080'),
    /** How often the no-show job looks for events that ended over an hour ago (ms); 0 turns it off. */
    NO_SHOW_JOB_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
    // ---- Polls, feedback and SMS reminders (issue 21) ----
    /**
     * Keys the hash that stands for the voter of an anonymous poll's vote (one vote each, the caller's
     * own vote found again, nobody's readable). Unset: derived from TICKET_SECRET (required outside the
     * embedded mode), so a deployment has one secret for engagement to keep.
     */
    POLL_BALLOT_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Feedback one account may send per rolling hour (counted from the feedback it sent). */
    FEEDBACK_PER_ACCOUNT_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
    /** How long before an event's start its SMS reminder goes out (ms; 2 h). */
    REMINDER_LEAD_MS: z.coerce
      .number()
      .int()
      .min(60_000)
      .max(7 * 86_400_000)
      .default(2 * 3_600_000),
    /** How often the reminder job looks for events starting within REMINDER_LEAD_MS (ms); 0 stops it. */
    REMINDER_JOB_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  })
  .superRefine((config, issues) => {
    if (config.DATABASE_URL && config.TICKET_SECRET === DEV_TICKET_SECRET) {
      issues.addIssue({
        code: 'custom',
        path: ['TICKET_SECRET'],
        message: 'required outside the embedded mode (DATABASE_URL is set): it signs event tickets',
      });
    }
  })
  .transform((config) => ({
    ...config,
    POLL_BALLOT_KEY:
      config.POLL_BALLOT_KEY ??
      createHmac('sha256', config.TICKET_SECRET).update('poll-ballots').digest('base64url'),
  }));

export type EngagementConfig = z.output<typeof configSchema>;
