import { successSchema } from '@sproul/common/openapi';
import { z } from 'zod';

// The success answers auth's routes document (error answers are the common envelope).

export const success = { status: 'success' } as const;

export const sessionTokens = z
  .object({
    access: z.string(),
    access_expires_in: z.number().int(),
    refresh: z.string(),
    refresh_expires_in: z.number().int(),
  })
  .meta({ id: 'SessionTokens' });

export const ok = { 200: { description: 'Done', schema: successSchema } };
export const signedIn = { 200: { description: 'Signed in', schema: sessionTokens } };
export const revoked = (kind: 'Access' | 'Refresh') => ({
  200: {
    description: 'Revoked',
    schema: z.object({ status: z.literal('success'), message: z.literal(`${kind} token revoked!`) }),
  },
});

export const accountProfile = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.string(),
    confirmed: z.boolean(),
  })
  .meta({ id: 'AccountProfile' });

export const rsoEntry = z
  .object({ email: z.string(), registered: z.boolean(), confirmed: z.boolean() })
  .meta({ id: 'RsoEntry' });

export const USER = 'Accounts';
export const ADMIN = 'Admin dashboard';
export const STUDENT = 'Students';
export const TEAM = 'Club teams';
