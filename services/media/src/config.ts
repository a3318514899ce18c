import { commonConfigSchema, urlSchema } from '@sproul/common/config';
import { z } from 'zod';

/** Environment variables the media service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema.extend({
  /** Auth's base URL: its /.well-known/jwks.json verifies access tokens. */
  AUTH_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8081'),
  /** Any S3-compatible endpoint (MinIO, s3rver); unset means AWS itself. */
  S3_ENDPOINT: urlSchema(['http:', 'https:']).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
    .default('sproul-media'),
  /** Optional: without them the SDK's default chain (instance role, profile…) is used. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** A CDN in front of the bucket; else the endpoint's path-style URL or AWS's virtual-host URL. */
  MEDIA_PUBLIC_BASE_URL: urlSchema(['http:', 'https:']).optional(),
  /** How often each replica deletes replaced objects and sweeps orphans; `0` turns it off (tests). */
  MEDIA_CLEANUP_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 100 && ms <= 86_400_000), 'must be 0 (off) or 100 to 86400000')
    .default(60_000),
  /**
   * An upload's intent older than this never committed (its process died between put and commit): its
   * objects go. An object no row names is swept once older than this too.
   */
  MEDIA_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(86_400_000)
    .default(15 * 60_000),
});

export type MediaConfig = z.output<typeof configSchema>;
