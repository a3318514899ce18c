/** Services the gateway can route to. The recommender has no public routes; the mailer one (unsubscribe). */
export type ServiceName = 'auth' | 'catalog' | 'media' | 'mailer' | 'recommender' | 'monitor' | 'engagement';

export interface RouteEntry {
  /** Path prefix, matched on whole segments (`/api/user` matches `/api/user/login`, not `/api/username`). */
  prefix: string;
  service: ServiceName;
}

/**
 * Which service owns which public path. The longest matching prefix wins, so specific routes
 * (`/api/monitor/rso` → auth) sit beside general ones (`/api/monitor` → monitor).
 */
export const routeTable: RouteEntry[] = [
  { prefix: '/.well-known/jwks.json', service: 'auth' },
  { prefix: '/api/user', service: 'auth' },
  { prefix: '/api/monitor/login', service: 'auth' },
  { prefix: '/api/monitor/refresh', service: 'auth' },
  { prefix: '/api/monitor/revoke-access', service: 'auth' },
  { prefix: '/api/monitor/revoke-refresh', service: 'auth' },
  { prefix: '/api/monitor/rso', service: 'auth' },
  // Platform roles (an admin grants or revokes admin): accounts are auth's.
  { prefix: '/api/monitor/roles', service: 'auth' },
  { prefix: '/api/student/login', service: 'auth' },
  { prefix: '/api/student/register', service: 'auth' },
  { prefix: '/api/student/refresh', service: 'auth' },
  { prefix: '/api/student/revoke-access', service: 'auth' },
  { prefix: '/api/student/revoke-refresh', service: 'auth' },
  { prefix: '/api/admin/change-password', service: 'auth' },
  { prefix: '/api/catalog', service: 'catalog' },
  { prefix: '/api/admin', service: 'catalog' },
  // Uploads and the gallery they fill are the media service's, as are students' private documents.
  { prefix: '/api/admin/upload-logo', service: 'media' },
  { prefix: '/api/admin/upload-banner', service: 'media' },
  { prefix: '/api/admin/gallery-media', service: 'media' },
  { prefix: '/api/student/documents', service: 'media' },
  { prefix: '/api/student', service: 'catalog' },
  // Memberships and applications: the engagement service's, as is everything under a club's `/api/clubs/:link`.
  { prefix: '/api/student/memberships', service: 'engagement' },
  // RSVPs, tickets and students' calendar feeds (issue 21).
  { prefix: '/api/student/rsvps', service: 'engagement' },
  { prefix: '/api/student/calendar', service: 'engagement' },
  { prefix: '/api/tickets', service: 'engagement' },
  { prefix: '/api/clubs', service: 'engagement' },
  // Polls, feedback and SMS reminders (issue 21): feedback from anyone, admins read it all, students' reminders.
  { prefix: '/api/feedback', service: 'engagement' },
  { prefix: '/api/monitor/feedback', service: 'engagement' },
  { prefix: '/api/student/reminders', service: 'engagement' },
  { prefix: '/api/monitor/club', service: 'catalog' },
  { prefix: '/api/monitor/tags', service: 'catalog' },
  { prefix: '/api/monitor', service: 'monitor' },
  { prefix: '/api/stats', service: 'monitor' },
  { prefix: '/api/media', service: 'media' },
  { prefix: '/api/mail', service: 'mailer' },
  // The admin web app's static files (the monitor serves them; its API calls come back as /api/monitor).
  { prefix: '/admin', service: 'monitor' },
];

// Longest first, each with its `prefix/` worked out here rather than on every request.
const byLength = [...routeTable]
  .sort((a, b) => b.prefix.length - a.prefix.length)
  .map((route) => ({ route, under: `${route.prefix}/` }));

export function findRoute(path: string): RouteEntry | undefined {
  for (const { route, under } of byLength) {
    if (path === route.prefix || path.startsWith(under)) return route;
  }
  return undefined;
}
