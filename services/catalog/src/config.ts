import { commonConfigSchema, urlSchema } from '@sproul/common/config';
import { z } from 'zod';

/** Environment variables the catalog service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema.extend({
  /** Auth's base URL: its /.well-known/jwks.json verifies access tokens. */
  AUTH_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8081'),
  /** The recommender's base URL: `/internal/similar/:link` answers a club page's similar clubs. */
  RECOMMENDER_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8085'),
  /** A club page waits this long for the recommender, then answers with its own fallback list. */
  RECOMMENDER_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(300),
  /** `0` keeps the demo clubs out of a new embedded database; anything else loads them on first start. */
  SEED_DEMO: z
    .enum(['0', '1', 'false', 'true', 'no', 'yes', 'off', 'on'])
    .default('1')
    .transform((value) => ['1', 'true', 'yes', 'on'].includes(value)),
  /**
   * How often each replica recomputes clubs' recruiting status from their deadlines (upstream: every
   * minute); `0` turns the scheduler off, for tests that drive its ticks themselves.
   */
  RECRUITING_CHECK_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 100 && ms <= 3_600_000), 'must be 0 (off) or 100 to 3600000')
    .default(60_000),
  /**
   * How often the tag set is announced again (TagChanged), so that a consumer whose queue was bound
   * after the start-up announcement learns it; `0` announces at start only.
   */
  METADATA_ANNOUNCE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 100 && ms <= 86_400_000), 'must be 0 (off) or 100 to 86400000')
    .default(300_000),
  /**
   * How often each replica reports how many catalog searches it answered (CatalogSearchesCounted, read
   * by the monitor's activity figures); `0` turns the report off, for tests that run the job themselves.
   */
  SEARCH_COUNT_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 100 && ms <= 3_600_000), 'must be 0 (off) or 100 to 3600000')
    .default(60_000),
  /**
   * Memory for cached public answers (read-cache/), in MB; `0` turns the cache off (every read goes to
   * the database). The whole catalog at 10 000 clubs, its pages and club pages fit in far less.
   */
  READ_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
});

export type CatalogConfig = z.output<typeof configSchema>;
