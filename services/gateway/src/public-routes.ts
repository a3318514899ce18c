/**
 * Which requests the gateway lets through without an access token. Everything else needs a valid,
 * unrevoked access token before it reaches a service (which verifies it again). Listed here rather
 * than defaulted open, so that a new route is protected until someone decides otherwise.
 */
const PUBLIC: RegExp[] = [
  /^\/\.well-known\/jwks\.json$/,
  // Account API: the routes that sign in, or take a refresh token, or their own credentials (Basic).
  /^\/api\/user\/(email-exists|password-strength|register|resend-confirm|login|request-reset|confirm-reset|refresh|revoke-refresh|magic-link)$/,
  /^\/api\/user\/(confirm|magic-link)\/[^/]+$/,
  // An officer invitation: read and accepted by following the emailed link (the token is the credential).
  /^\/api\/user\/invitations\/[^/]+$/,
  /^\/api\/user$/,
  /^\/api\/monitor\/(login|refresh|revoke-refresh)$/,
  /^\/api\/student\/(login|register|refresh|revoke-refresh)$/,
  // Upstream's public lookup lists for the student profile form.
  /^\/api\/student\/(majors|minors|years)$/,
  // The public catalog (a token there is optional, and the catalog reads it itself).
  /^\/api\/catalog(\/.*)?$/,
  // How a club takes members (open or not, by application or not, its questions, its member count).
  // POST on the same path (applying) needs a student's token, which engagement checks itself.
  /^\/api\/clubs\/[^/]+\/membership$/,
  // An event's RSVP settings and counts (issue 21); with a token engagement also answers the caller's RSVP.
  /^\/api\/clubs\/[^/]+\/events\/[^/]+\/rsvp$/,
  // A ticket's QR image and a student's calendar feed: the signed payload / secret token is the credential
  // (a calendar app sends no access token).
  /^\/api\/tickets\/[^/]+\/qr\.png$/,
  /^\/api\/student\/calendar\/[^/]+\.ics$/,
  // Public statistics (counts only, small ones suppressed).
  /^\/api\/stats\/public$/,
  // Bulk mail's one-click unsubscribe link: signed, and followed from a mailbox without a session.
  /^\/api\/mail\/unsubscribe$/,
  // The admin web app's page and files: nothing secret in them, and a browser sends no token for them.
  // Every call the app makes is an admin-only /api/monitor route.
  /^\/admin(\/.*)?$/,
];

// One alternation, tested once per request, rather than each pattern in turn.
const ANY_PUBLIC = new RegExp(PUBLIC.map((pattern) => `(?:${pattern.source})`).join('|'));

export const isPublic = (path: string) => ANY_PUBLIC.test(path);
