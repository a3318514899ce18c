import { commonConfigSchema, urlSchema } from '@sproul/common/config';
import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** Environment variables the auth service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema
  .extend({
    /** Where the web client lives: confirmation redirects and reset links point there. */
    FRONTEND_BASE_URL: urlSchema(['http:', 'https:']).default('http://localhost:3000'),
    /** The public URL of the gateway: links in emails that the backend answers (confirmation). */
    PUBLIC_BASE_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8080'),
    ACCESS_TOKEN_TTL_S: seconds(1800),
    REFRESH_TOKEN_TTL_S: seconds(1_296_000),
    CONFIRM_TOKEN_TTL_S: seconds(7 * 24 * 3600),
    RESET_TOKEN_TTL_S: seconds(30 * 60),
    MAGIC_LINK_TTL_S: seconds(15 * 60),
    /** A signing key older than this is replaced; the old one stays published until its tokens expire. */
    KEY_ROTATION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** Encrypts private signing keys at rest (AES-256-GCM); required outside the embedded mode. */
    KEY_ENCRYPTION_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Student accounts must use an address of this domain (e.g. berkeley.edu); empty allows any. */
    STUDENT_EMAIL_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain such as berkeley.edu')
      .default('berkeley.edu'),
    /** Student single sign-on: the OpenID Connect provider (https://accounts.google.com in production). */
    OIDC_ISSUER: urlSchema(['http:', 'https:']).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /**
     * Keys the HMAC under which phone verification codes are stored (a 6-digit code's plain hash is
     * reversed by trying the million). Defaults to KEY_ENCRYPTION_SECRET, then (embedded mode) a fixed value.
     */
    PHONE_CODE_PEPPER: z.string().min(16, 'must be at least 16 characters').optional(),
    /** How long a phone verification code lives. */
    PHONE_CODE_TTL_S: seconds(600),
    /** Codes sent per hour, per account and per number; more is a 429. */
    PHONE_CODES_PER_HOUR: z.coerce.number().int().min(1).max(100).default(3),
    /** Embedded mode only: an admin account created on first start. */
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8).optional(),
  })
  .superRefine((config, issues) => {
    if (!unsealedOnAServer(config)) return;
    issues.addIssue({ code: 'custom', path: ['KEY_ENCRYPTION_SECRET'], message: KEY_SECRET_REQUIRED });
  });

export type AuthConfig = z.output<typeof configSchema>;

const KEY_SECRET_REQUIRED =
  'required outside the embedded mode (DATABASE_URL is set): it seals the private signing keys stored in the database';

// The embedded mode (no DATABASE_URL: PGlite under DATA_DIR, on this machine) may keep its keys unsealed.
const unsealedOnAServer = (config: { DATABASE_URL?: string; KEY_ENCRYPTION_SECRET?: string }) =>
  Boolean(config.DATABASE_URL) && !config.KEY_ENCRYPTION_SECRET;
