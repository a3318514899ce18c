import { z } from 'zod';
import { acceptInvitation, previewInvitation } from '../../domain/invitations.js';
import { signedIn, TEAM } from './answers.js';
import { route } from './route.js';
import { password } from './schemas.js';

// Following an emailed invitation: public, the token is the credential.

const token = z.string().min(1).max(200);

export const invitationRoutes = [
  route(
    {
      method: 'post',
      path: '/api/user/invitations/accept',
      tag: TEAM,
      summary:
        'Accept an invitation (single use): creates the account (needs `password`) or grants an existing one (which may set a first `password`); signs in as an officer acting for the club',
      body: z.strictObject({
        token,
        password: password.optional(),
        name: z.string().trim().min(1).max(100).optional(),
      }),
      responses: signedIn,
      errors: [404, 409, 410],
    },
    ({ ctx, body }) => acceptInvitation(ctx, body.token, body),
  ),
  route(
    {
      method: 'get',
      path: '/api/user/invitations/:token',
      tag: TEAM,
      summary:
        'What an invitation is for, whether an account exists under its address, and whether accepting may set a password',
      params: z.object({ token }),
      responses: {
        200: {
          description: 'Invitation',
          schema: z.object({
            club_id: z.string(),
            club_name: z.string().nullable(),
            email: z.string(),
            role: z.string(),
            expires_at: z.string(),
            account_exists: z.boolean(),
            /** True when accepting takes a `password`: required for a new account, optional for one without. */
            password_accepted: z.boolean(),
          }),
        },
      },
      errors: [404, 410],
    },
    ({ ctx, params }) => previewInvitation(ctx, params.token),
  ),
];
