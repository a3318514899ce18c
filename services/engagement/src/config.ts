import { commonConfigSchema, urlSchema } from '@sproul/common/config';
import { BULK_EMAIL_MAX_RECIPIENTS } from '@sproul/common/events';
import { z } from 'zod';

/** Environment variables the engagement service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema.extend({
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
   * `0` keeps a first start from asking auth and the catalog to restate their state (tests that feed
   * events themselves). On, a database with no replay recorded asks once (see domain/catch-up).
   */
  REPLAY_ON_FIRST_START: z
    .enum(['0', '1', 'false', 'true'])
    .default('1')
    .transform((value) => value === '1' || value === 'true'),
  /**
   * How long the first start's replay request waits for an owner's answer before it is sent again to
   * those that have not answered (a request published before an owner's queue existed reaches nobody);
   * `0` never re-sends.
   */
  REPLAY_RETRY_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  /** The longest wait between re-sends: each waits twice the one before, up to this. */
  REPLAY_RETRY_MAX_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
});

export type EngagementConfig = z.output<typeof configSchema>;
