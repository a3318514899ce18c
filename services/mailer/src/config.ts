import { commonConfigSchema, urlSchema } from '@sproul/common/config';
import { z } from 'zod';

const DEV_SECRET = 'embedded-mode-only-unsubscribe-secret';
const SECRET_REQUIRED =
  'required outside the embedded mode (DATABASE_URL is set): it signs unsubscribe links';

/** Environment variables the mailer service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema
  .extend({
    /** An SES-compatible endpoint (the embedded emulator, a local one); unset = AWS SES in AWS_REGION. */
    SES_ENDPOINT: urlSchema(['http:', 'https:']).optional(),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    /** Optional: without them the SDK's default chain (instance role, environment, profile) applies. */
    AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
    AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** The From header of every email (a verified SES identity in production). */
    MAIL_FROM: z.string().min(3).default('"sproul.club" <no-reply@sproul.club>'),
    /** Emails one address may receive per rolling hour; the rest are logged `limited`, not sent. */
    MAIL_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
    /** Emails sent at once from one batch of events (SES's send rate is per second, not per call). */
    MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
    /** How long one SES call may take before it counts as a transient failure (retried later). */
    MAIL_SES_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    /** Days the delivery log keeps a row (addresses are personal data); 0 keeps them forever. */
    MAIL_LOG_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
    /** Bulk emails (BulkEmailRequested) sent per second by all mailer instances together. */
    MAIL_BULK_RATE_PER_S: z.coerce.number().int().min(1).max(1000).default(10),
    /** How often each instance's bulk sender wakes (ms); 0 stops it (tests drive it by hand). */
    MAIL_BULK_TICK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    /** Attempts per bulk recipient before a transient failure becomes `failed`. */
    MAIL_BULK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    /** Back-off after the n-th transient failure: this times 2^(n-1). */
    MAIL_BULK_RETRY_BASE_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
    /** A claim older than this is a crashed sender's: taken over (after asking the provider). */
    MAIL_BULK_CLAIM_TIMEOUT_MS: z.coerce.number().int().min(1000).max(86_400_000).default(300_000),
    /**
     * Who delivers text messages (SmsRequested). `dev`, the only one so far: into the SES emulator's
     * inbox (/_dev/mail) as an email to `<number>@sms.invalid`; without SES_ENDPOINT every SMS fails.
     */
    SMS_PROVIDER: z.enum(['dev']).default('dev'),
    /** Where the one-click unsubscribe links of bulk mail point (the gateway's public URL). */
    PUBLIC_BASE_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8080'),
    /** Signs the unsubscribe links; required outside the embedded mode (the default is public). */
    UNSUBSCRIBE_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_SECRET),
  })
  .superRefine((config, issues) => {
    if (config.DATABASE_URL && config.UNSUBSCRIBE_SECRET === DEV_SECRET) {
      issues.addIssue({ code: 'custom', path: ['UNSUBSCRIBE_SECRET'], message: SECRET_REQUIRED });
    }
    // A claim still inside its SES call must not look crashed, or a second sender would send it too.
    if (config.MAIL_BULK_CLAIM_TIMEOUT_MS <= config.MAIL_SES_TIMEOUT_MS) {
      issues.addIssue({
        code: 'custom',
        path: ['MAIL_BULK_CLAIM_TIMEOUT_MS'],
        message: 'must be longer than MAIL_SES_TIMEOUT_MS',
      });
    }
  });

export type MailerConfig = z.output<typeof configSchema>;
