import { commonConfigSchema, urlSchema } from '@sproul/common/config';
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
  /** `0` keeps a first start from asking the owning services to replay their state (tests that feed events). */
  REPLAY_ON_FIRST_START: z
    .enum(['0', '1', 'false', 'true'])
    .default('1')
    .transform((value) => value === '1' || value === 'true'),
  /**
   * How long a replay request waits for owners to answer before it is sent again to those that have not
   * (a request published before an owner's queue existed reaches nobody); `0` never re-sends.
   */
  REPLAY_RETRY_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  /**
   * The longest wait between re-sends: each waits twice the one before, up to this. An owner that is
   * down with its queue in place gets every re-send queued, and may restate once per request on its
   * return (once per batch at least): an hour down queues ~17 at 5 min instead of 360 at a flat 10 s.
   */
  REPLAY_RETRY_MAX_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
});

export type MonitorConfig = z.output<typeof configSchema>;
