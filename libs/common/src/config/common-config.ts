import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL with one of the protocols ${protocols.join(', ')}`,
  );

/**
 * Variables every service understands. Defaults make the embedded mode need no configuration:
 * no DATABASE_URL means embedded PGlite under DATA_DIR, no AMQP_URL means the in-process bus.
 */
export const commonConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  AMQP_URL: url(['amqp:', 'amqps:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  /** Uncaught errors and 5xx answers go to Sentry when set; unset, @sentry/node is not even loaded. */
  SENTRY_DSN: url(['http:', 'https:']).optional(),
  /**
   * With Redis: keep a local copy of the token denylist kept current over pub/sub (1, the default), or
   * ask Redis on every request (0; what every process did before the copy existed).
   */
  DENYLIST_LOCAL_COPY: z.enum(['0', '1']).default('1'),
  /** Campus time zone: date-times sent without an offset are wall-clock time here. */
  CAMPUS_TZ: z
    .string()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as America/Los_Angeles')
    .default('America/Los_Angeles'),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)?$/i, 'must look like 1mb, 512kb or 1048576')
    .default('1mb'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  BUS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  BUS_RETRY_DELAYS_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of milliseconds')
    .default('1000,5000,30000,120000')
    .transform((value) => value.split(',').map(Number)),
  // ---- Tracing and error tracking (issue 23): declared here so that every service accepts what a
  // deployment sets for all of them (docker-compose.yml, deploy/k8s); all optional, off when unset.
  /** OTLP/HTTP collector (Jaeger: http://jaeger:4318); unset: no spans are exported. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().min(1).optional(),
  /** The service's name in traces; unset: the service's own name. */
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  /** OpenTelemetry's sampler name (e.g. parentbased_traceidratio) and its argument (the ratio). */
  OTEL_TRACES_SAMPLER: z.string().min(1).optional(),
  OTEL_TRACES_SAMPLER_ARG: z.string().min(1).optional(),
});

export type CommonConfig = z.output<typeof commonConfigSchema>;
export { port as portSchema, url as urlSchema };
