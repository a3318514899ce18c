export const CORS_EXPOSED_HEADERS = 'x-request-id,retry-after,content-disposition';

/** `http://localhost` and `http://127.0.0.1`, on any port: the default for development. */
export const LOCAL_ORIGINS = [/^http:\/\/localhost(:\d+)?$/, /^http:\/\/127\.0\.0\.1(:\d+)?$/];

/**
 * Preflights are answered on every route. The upstream web client sends a bogus
 * `Access-Control-Allow-Origin` request header and `ngrok-skip-browser-warning` on every call, so those
 * are allowed request headers beside the usual ones.
 */
const PREFLIGHT = [
  'access-control-allow-methods',
  'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS',
  'access-control-allow-headers',
  'content-type,authorization,accept,access-control-allow-origin,ngrok-skip-browser-warning,x-request-id',
  'access-control-max-age',
  '600',
];

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

/** The allow-list as a test; answers are remembered (origins are few). */
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

/**
 * The CORS headers of an answer to a request from `origin`, as name/value pairs: the origin allowed
 * back (with the headers a script may read) when it is on the list, and `Vary: Origin` on every answer,
 * since the answer depends on it. `preflight` adds what a preflight (OPTIONS) answer says.
 */
export function corsHeaders(origins: (string | RegExp)[]) {
  const allowed = originAllowed(origins);
  const vary = ['vary', 'Origin'];
  const forOrigin = (origin: string | undefined): string[] =>
    origin && allowed(origin)
      ? [
          'access-control-allow-origin',
          origin,
          'access-control-expose-headers',
          CORS_EXPOSED_HEADERS,
          ...vary,
        ]
      : vary;
  return {
    answer: forOrigin,
    preflight: (origin: string | undefined): string[] => [...forOrigin(origin), ...PREFLIGHT],
  };
}
