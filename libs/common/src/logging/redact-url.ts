/**
 * Request URLs as they may be logged: without the single-use secrets some of them carry. Auth's email
 * links put the token in the path (`/api/user/confirm/:token`, `/api/user/magic-link/:token`, and an
 * invitation's preview `/api/user/invitations/:token`, matched in any case, as express matches routes)
 * or in the query (`/accept-invitation?token=…`), and the single sign-on callback brings the provider's `code`
 * and `state` in the query (`/api/student/login?code=…`). Anyone who reads the logs must not be able
 * to use them. Query parameters are recognised by their decoded name (`%63ode` is `code` to the route).
 */
export function redactUrl(url: string): string;
export function redactUrl(url: string | undefined): string | undefined;
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  // Logged for every request: the common case (nothing to hide) is two cheap tests, no copies.
  const safePath = SECRET_SEGMENT_HINT.test(path) ? path.replace(SECRET_SEGMENT, `$1${REDACTED}`) : path;
  if (query === -1 || !SECRET_PARAM_HINT.test(url.slice(query)))
    return query === -1 ? safePath : safePath + url.slice(query);
  const params = url
    .slice(query + 1)
    .split('&')
    .map((param) => {
      const equals = param.indexOf('=');
      const name = equals === -1 ? param : param.slice(0, equals);
      return SECRET_PARAMS.has(decodedName(name)) ? `${name}=${REDACTED}` : param;
    });
  return `${safePath}?${params.join('&')}`;
}

const REDACTED = '[redacted]';
// The segment after `confirm`, `magic-link` or `user/invitations` (an invitation's preview, but not
// its `accept` route), up to the next `/` (a fragment sent raw included).
const SECRET_SEGMENT = /(\/(?:confirm|magic-link|user\/invitations)\/)(?!accept\/?$)[^/]+/gi;
const SECRET_SEGMENT_HINT = /\/(?:confirm|magic-link|user\/invitations)\//i;
// Any of the names below, or an encoded name that might be one.
const SECRET_PARAM_HINT = /token|code|state|%/i;
const SECRET_PARAMS = new Set(['token', 'code', 'state', 'access_token', 'refresh_token', 'id_token']);

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' ')).trim().toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}
