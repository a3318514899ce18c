import { commonConfigSchema, urlSchema } from '@sproul/common/config';
import { z } from 'zod';

/** Environment variables the engagement service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema.extend({
  /** Auth's base URL: its /.well-known/jwks.json verifies access tokens. */
  AUTH_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8081'),
  /** Media's base URL: officers' résumé downloads ask its `/internal/documents/:userId/resume`. */
  MEDIA_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8083'),
  /** Per attempt; a résumé link is worth a short wait, not a hung roster page. */
  MEDIA_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2_000),
});

export type EngagementConfig = z.output<typeof configSchema>;
