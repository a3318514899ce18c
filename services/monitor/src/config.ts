import { commonConfigSchema, urlSchema } from '@sproul/common/config';
import { replayConfigFields } from '@sproul/common/messaging';
import { z } from 'zod';

/** Environment variables the monitor service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema.extend({
  /** Auth's base URL: its /.well-known/jwks.json verifies access tokens. */
  AUTH_URL: urlSchema(['http:', 'https:']).default('http://127.0.0.1:8081'),
  /**
   * How long a computed statistic is answered again before it is computed anew from the read models.
   * The dashboard's figures need not be fresher than a few seconds, and a route then costs a lookup
   * (bench:monitor: each route's p99 within 3× the gateway's /healthz).
   */
  STATS_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
  /** Public statistics: a count from 1 to this minus one is answered as null (it could point at a person). */
  PUBLIC_STATS_MIN_CELL: z.coerce.number().int().min(1).max(1_000).default(5),
  /** Weeks of the public statistics start on Monday in this time zone (the campus's). */
  CAMPUS_TZ: z.string().min(1).default('America/Los_Angeles'),
  /** REPLAY_ON_FIRST_START, REPLAY_RETRY_MS, REPLAY_RETRY_MAX_MS: asking auth, the catalog and media to restate. */
  ...replayConfigFields,
});

export type MonitorConfig = z.output<typeof configSchema>;
