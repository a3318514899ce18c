import cors from 'cors';

export const CORS_EXPOSED_HEADERS = 'x-request-id,retry-after,content-disposition';

/** `http://localhost` and `http://127.0.0.1`, on any port: the default for development. */
export const LOCAL_ORIGINS = [/^http:\/\/localhost(:\d+)?$/, /^http:\/\/127\.0\.0\.1(:\d+)?$/];

/**
 * CORS for the allowed origins, preflight answered on every route. The upstream web client sends a
 * bogus `Access-Control-Allow-Origin` request header and `ngrok-skip-browser-warning` on every call,
 * so those are allowed request headers beside the usual ones.
 */
export function corsPolicy(origins: (string | RegExp)[]) {
  return cors({
    origin: origins,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'accept',
      'access-control-allow-origin',
      'ngrok-skip-browser-warning',
      'x-request-id',
    ],
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  });
}

/** `CORS_ORIGINS`: comma-separated origins; `*` in a port or subdomain position matches any. */
export function parseOrigins(setting: string | undefined): (string | RegExp)[] {
  if (!setting) return LOCAL_ORIGINS;
  return setting
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) =>
      origin.includes('*')
        ? new RegExp(`^${origin.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*')}$`)
        : origin,
    );
}

/** The same allow-list as a test, for the fast lane; answers are remembered (origins are few). */
export function originAllowed(origins: (string | RegExp)[]): (origin: string) => boolean {
  const known = new Map<string, boolean>();
  return (origin) => {
    let allowed = known.get(origin);
    if (allowed === undefined) {
      allowed = origins.some((rule) => (typeof rule === 'string' ? rule === origin : rule.test(origin)));
      // Bounded: an attacker sending random origins must not grow the map without end.
      if (known.size < 1_000) known.set(origin, allowed);
    }
    return allowed;
  };
}
