import { platformRoles } from '@sproul/common/events';
import { z } from 'zod';
import { grantPlatformRole, listPlatformRoles, revokePlatformRole } from '../../domain/platform-roles.js';
import { ADMIN, ok, success } from './answers.js';
import { route } from './route.js';
import { email } from './schemas.js';

/** Platform roles (Flux's give_role): admins grant and revoke admin. */
const change = z.strictObject({ email, role: z.enum(platformRoles) });

export const platformRoleRoutes = [
  route(
    {
      method: 'get',
      path: '/api/monitor/roles',
      tag: ADMIN,
      summary: 'Accounts holding a platform role',
      auth: ['admin'],
      responses: {
        200: {
          description: 'Holders',
          schema: z.array(
            z.object({
              account_id: z.string(),
              email: z.string(),
              name: z.string().nullable(),
              roles: z.array(z.enum(platformRoles)),
            }),
          ),
        },
      },
    },
    ({ ctx }) => listPlatformRoles(ctx),
  ),
  route(
    {
      method: 'post',
      path: '/api/monitor/roles',
      tag: ADMIN,
      summary: 'Grant a platform role to an account (it then signs in at /api/monitor/login)',
      auth: ['admin'],
      body: change,
      responses: ok,
      errors: [404],
    },
    async ({ ctx, claims, body }) => {
      await grantPlatformRole(ctx, claims.sub, body.email, body.role);
      return success;
    },
  ),
  route(
    {
      method: 'delete',
      path: '/api/monitor/roles',
      tag: ADMIN,
      summary: 'Revoke a platform role (never the last admin); ends that account’s sessions',
      auth: ['admin'],
      body: change,
      responses: ok,
      errors: [404, 409],
    },
    async ({ ctx, claims, body }) => {
      await revokePlatformRole(ctx, claims.sub, body.email, body.role);
      return success;
    },
  ),
];
