import { commonConfigSchema, urlSchema } from '@sproul/common/config';
import { z } from 'zod';

const oneUrl = urlSchema(['http:', 'https:']);
/** One URL, or a service's instances as a comma-separated list (balanced round-robin: balanced-proxy.ts). */
const serviceUrl = (port: number) =>
  z
    .string()
    .refine(
      (value) => value.split(',').every((url) => oneUrl.safeParse(url.trim()).success),
      'must be a URL with the protocol http: or https:, or several separated by commas',
    )
    .default(`http://127.0.0.1:${port}`);

/** Where each service answers (several instances: a comma-separated list); the defaults are `npm run stack`'s ports. */
export const configSchema = commonConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** The listener for `/readyz` and `/metrics` (internal-endpoints.ts); default PORT + 1000, 0 with PORT 0. */
  INTERNAL_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Where that listener binds: loopback by default; `0.0.0.0` for a scraper on a private network. */
  INTERNAL_HOST: z.string().min(1).default('127.0.0.1'),
  AUTH_URL: serviceUrl(8081),
  CATALOG_URL: serviceUrl(8082),
  MEDIA_URL: serviceUrl(8083),
  MAILER_URL: serviceUrl(8084),
  RECOMMENDER_URL: serviceUrl(8085),
  MONITOR_URL: serviceUrl(8086),
  ENGAGEMENT_URL: serviceUrl(8087),
  PROXY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** Where auth publishes its public keys; default: AUTH_URL's /.well-known/jwks.json. */
  JWKS_URL: urlSchema(['http:', 'https:']).optional(),
  /** Allowed browser origins, comma-separated (`*` as a wildcard); default: localhost and 127.0.0.1. */
  CORS_ORIGINS: z.string().max(4000).optional(),
  /** Scales every rate-limit window (tests and load tests shorten them); 1 in production. */
  RATE_LIMIT_FACTOR: z.coerce.number().positive().max(100).default(1),
  /** Start of the rate limiters' Redis keys (tests give each run its own). */
  RATE_LIMIT_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,100}$/)
    .default('sproul:ratelimit'),
  /**
   * Which peers' X-Forwarded-* to believe for the client's address (express's `trust proxy`: a hop count,
   * true/false, or names and CIDRs like `loopback, 10.0.0.0/8`). None by default: anyone can send the
   * header, and believing it would let a client pick the address its rate limits count against.
   */
  TRUST_PROXY: z.string().min(1).default('false'),
  /**
   * The embedded mode's SES emulator: then, and only then, `/_dev/mail` and `/_dev/mail.json` show what
   * it was sent (dev-mail.ts). Never set in a deployment.
   */
  DEV_MAIL_URL: urlSchema(['http:', 'https:']).optional(),
  /**
   * The web client, linked from the gateway's pages (the invitation page sends a new officer there to
   * sign in); auth's setting of the same name, and the same default.
   */
  FRONTEND_BASE_URL: urlSchema(['http:', 'https:']).default('http://localhost:3000'),
  /** Worker processes of a standalone gateway (node:cluster); default one per core. */
  GATEWAY_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
});

export type GatewayConfig = z.output<typeof configSchema>;

const instances = (value: string) => value.split(',').map((url) => url.trim());

/** Each service's instances (one or more URLs). */
export const serviceUrls = (config: GatewayConfig) => ({
  auth: instances(config.AUTH_URL),
  catalog: instances(config.CATALOG_URL),
  media: instances(config.MEDIA_URL),
  mailer: instances(config.MAILER_URL),
  recommender: instances(config.RECOMMENDER_URL),
  monitor: instances(config.MONITOR_URL),
  engagement: instances(config.ENGAGEMENT_URL),
});
