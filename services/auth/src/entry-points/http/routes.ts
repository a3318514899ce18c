import { ADMIN, STUDENT, USER } from './answers.js';
import { invitationRoutes } from './invitation-routes.js';
import { jwksRoute } from './jwks-route.js';
import { magicLinkRoutes } from './magic-link-routes.js';
import { monitorRoutes } from './monitor-routes.js';
import { changePasswordRoutes, signInRoutes } from './password-routes.js';
import { phoneRoutes } from './phone-routes.js';
import { platformRoleRoutes } from './platform-role-routes.js';
import { registrationRoutes } from './registration-routes.js';
import { rsoRoutes } from './rso-routes.js';
import { selfServiceRoutes } from './self-service-routes.js';
import { sessionRoutes } from './session-routes.js';
import { studentRoutes } from './student-routes.js';
import { teamRoutes } from './team-routes.js';

const [monitorLogin, ...rsoReads] = monitorRoutes;
const [ssoLogin, ...studentAccounts] = studentRoutes;

/** Every route auth answers, as the web clients see them through the gateway (in the document's order). */
export const authRoutes = [
  ...registrationRoutes,
  ...signInRoutes,
  ...sessionRoutes({
    prefix: '/api/user',
    tag: USER,
    auth: 'signed-in',
    summaries: {
      refresh: 'New access token and the next refresh token',
      revokeRefresh: 'Sign out: end the session of this refresh token',
    },
  }),
  ...selfServiceRoutes,
  ...phoneRoutes,
  ...magicLinkRoutes,
  ...changePasswordRoutes,
  ...teamRoutes,
  ...invitationRoutes,
  monitorLogin!,
  ...sessionRoutes({
    prefix: '/api/monitor',
    tag: ADMIN,
    auth: ['admin'],
    summaries: { refresh: 'Refresh an admin session', revokeRefresh: 'End this admin session' },
  }),
  ...rsoReads,
  ...rsoRoutes,
  ...platformRoleRoutes,
  ssoLogin!,
  ...studentAccounts,
  ...sessionRoutes({
    prefix: '/api/student',
    tag: STUDENT,
    auth: ['student'],
    summaries: { refresh: 'Refresh a student session', revokeRefresh: 'End this student session' },
  }),
  jwksRoute,
];
