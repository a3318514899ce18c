import { describeApi, type RouteDescription, successSchema } from '@sproul/common/openapi';
import { z } from 'zod';
import {
  changePasswordBody,
  confirmResetBody,
  credentialsBody,
  emailBody,
  memberRegistrationBody,
  officerRegistrationBody,
  passwordBody,
} from './schemas.js';

const tokens = z
  .object({
    access: z.string(),
    access_expires_in: z.number().int(),
    refresh: z.string(),
    refresh_expires_in: z.number().int(),
  })
  .meta({ id: 'SessionTokens' });
const revoked = (kind: string) =>
  z.object({ status: z.literal('success'), message: z.literal(`${kind} token revoked!`) });
const profile = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.string(),
    confirmed: z.boolean(),
  })
  .meta({ id: 'AccountProfile' });
const rsoEntry = z
  .object({ email: z.string(), registered: z.boolean(), confirmed: z.boolean() })
  .meta({ id: 'RsoEntry' });
const token = z.object({ token: z.string() });
const email = z.object({ email: z.string() });
const ok = { 200: { description: 'Done', schema: successSchema } };
const session = { 200: { description: 'Signed in', schema: tokens } };

const USER = 'Accounts';
const ADMIN = 'Admin dashboard';
const STUDENT = 'Students';

/** Every route auth answers, as the web clients see them through the gateway. */
const routes: RouteDescription[] = [
  {
    method: 'post',
    path: '/api/user/email-exists',
    tag: USER,
    summary: 'Is this email on the RSO list?',
    body: emailBody,
    responses: { 200: { description: 'Answer', schema: z.object({ exists: z.boolean() }) } },
    errors: [429],
  },
  {
    method: 'post',
    path: '/api/user/password-strength',
    tag: USER,
    summary: 'Does this password meet the policy?',
    body: passwordBody,
    responses: { 200: { description: 'Answer', schema: z.object({ strong: z.boolean() }) } },
    errors: [429],
  },
  {
    method: 'post',
    path: '/api/user/register',
    tag: USER,
    summary: 'Register a club officer (with the club) or, with just email/password/name, a member',
    body: z.union([officerRegistrationBody('America/Los_Angeles'), memberRegistrationBody]),
    responses: ok,
    errors: [404, 429],
  },
  {
    method: 'post',
    path: '/api/user/resend-confirm',
    tag: USER,
    summary: 'Send a new confirmation link (same answer for any email)',
    body: emailBody,
    responses: ok,
    errors: [429],
  },
  {
    method: 'get',
    path: '/api/user/confirm/{token}',
    tag: USER,
    summary: 'The link in the confirmation email',
    params: token,
    responses: { 302: { description: 'To the sign-in page, confirmed' } },
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/user/login',
    tag: USER,
    summary: 'Sign in (officers and members)',
    body: credentialsBody,
    responses: session,
    errors: [429],
  },
  {
    method: 'post',
    path: '/api/user/request-reset',
    tag: USER,
    summary: 'Email a password-reset link (same answer for any email)',
    body: emailBody,
    responses: ok,
    errors: [429],
  },
  {
    method: 'post',
    path: '/api/user/confirm-reset',
    tag: USER,
    summary: 'Set a new password with a reset link; ends every session',
    body: confirmResetBody,
    responses: ok,
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/user/refresh',
    tag: USER,
    summary: 'New access token and the next refresh token',
    security: 'refresh',
    responses: session,
  },
  {
    method: 'delete',
    path: '/api/user/revoke-access',
    tag: USER,
    summary: 'Revoke this access token',
    security: 'access',
    responses: { 200: { description: 'Revoked', schema: revoked('Access') } },
  },
  {
    method: 'delete',
    path: '/api/user/revoke-refresh',
    tag: USER,
    summary: 'Sign out: end the session of this refresh token',
    security: 'refresh',
    responses: { 200: { description: 'Revoked', schema: revoked('Refresh') } },
  },
  {
    method: 'get',
    path: '/api/user/login',
    tag: USER,
    summary: 'A token for HTTP Basic credentials',
    security: 'basic-or-bearer',
    responses: {
      200: { description: 'Token', schema: z.object({ token: z.string(), expires_in: z.number() }) },
    },
  },
  {
    method: 'get',
    path: '/api/user',
    tag: USER,
    summary: 'The signed-in account',
    security: 'basic-or-bearer',
    responses: { 200: { description: 'Account', schema: profile } },
  },
  {
    method: 'patch',
    path: '/api/user',
    tag: USER,
    summary:
      'Change name and/or password; a new password needs `current_password`, and ends every session and emailed link',
    security: 'basic-or-bearer',
    body: z.object({
      name: z.string().nullable().optional(),
      password: z.string().optional(),
      current_password: z.string().optional(),
    }),
    responses: ok,
  },
  {
    method: 'delete',
    path: '/api/user',
    tag: USER,
    summary: 'Delete the signed-in account',
    security: 'basic-or-bearer',
    responses: ok,
    errors: [403],
  },
  {
    method: 'post',
    path: '/api/user/magic-link',
    tag: USER,
    summary: 'Email a sign-in link valid 15 minutes (same answer for any email)',
    body: emailBody,
    responses: ok,
    errors: [429],
  },
  {
    method: 'get',
    path: '/api/user/magic-link/{token}',
    tag: USER,
    summary: 'Sign in with a magic link',
    params: token,
    responses: session,
    errors: [404],
  },
  {
    method: 'post',
    path: '/api/admin/change-password',
    tag: USER,
    summary: 'Change the password; ends every session',
    security: 'access',
    body: changePasswordBody,
    responses: ok,
  },
  {
    method: 'post',
    path: '/api/monitor/login',
    tag: ADMIN,
    summary: 'Sign in as an admin',
    body: credentialsBody,
    responses: session,
    errors: [429],
  },
  {
    method: 'post',
    path: '/api/monitor/refresh',
    tag: ADMIN,
    summary: 'Refresh an admin session',
    security: 'refresh',
    responses: session,
  },
  {
    method: 'delete',
    path: '/api/monitor/revoke-access',
    tag: ADMIN,
    summary: 'Revoke this access token',
    security: 'access',
    responses: { 200: { description: 'Revoked', schema: revoked('Access') } },
  },
  {
    method: 'delete',
    path: '/api/monitor/revoke-refresh',
    tag: ADMIN,
    summary: 'End this admin session',
    security: 'refresh',
    responses: { 200: { description: 'Revoked', schema: revoked('Refresh') } },
  },
  {
    method: 'get',
    path: '/api/monitor/rso/list',
    tag: ADMIN,
    summary: 'RSO emails with registration status, by email',
    security: 'access',
    responses: { 200: { description: 'List', schema: z.array(rsoEntry) } },
  },
  {
    method: 'get',
    path: '/api/monitor/rso/download',
    tag: ADMIN,
    summary: 'The same as CSV (rso_emails.csv)',
    security: 'access',
    responses: { 200: { description: 'CSV', schema: z.string(), contentType: 'text/csv' } },
  },
  {
    method: 'post',
    path: '/api/monitor/rso',
    tag: ADMIN,
    summary: 'Add an RSO email',
    security: 'access',
    body: z.object({ email: z.email() }),
    responses: ok,
  },
  {
    method: 'post',
    path: '/api/monitor/rso/import',
    tag: ADMIN,
    summary: 'Add many RSO emails (a CSV or a list)',
    security: 'access',
    body: z.union([z.object({ emails: z.array(z.email()) }), z.object({ csv: z.string() })]),
    responses: {
      200: {
        description: 'Counts',
        schema: z.object({ status: z.literal('success'), added: z.number(), already_present: z.number() }),
      },
    },
  },
  {
    method: 'delete',
    path: '/api/monitor/rso/{email}',
    tag: ADMIN,
    summary: 'Remove an RSO email (refused while a club uses it)',
    security: 'access',
    params: email,
    responses: ok,
  },
  {
    method: 'delete',
    path: '/api/monitor/rso/{email}/registration',
    tag: ADMIN,
    summary: 'Remove the unconfirmed account under an email (and its club); 409 when it is confirmed',
    security: 'access',
    params: email,
    responses: ok,
    errors: [404, 409],
  },
  {
    method: 'get',
    path: '/api/student/login',
    tag: STUDENT,
    summary: 'Single sign-on: starts (302 to the provider) and finishes (with code and state)',
    query: z.object({
      code: z.string().optional(),
      state: z.string().optional(),
      error: z.string().optional(),
    }),
    responses: {
      200: {
        description: 'Signed in',
        schema: z.object({
          is_new_user: z.boolean(),
          profile: z.object({ name: z.string().nullable(), email: z.string() }),
          token: tokens,
        }),
      },
      302: { description: 'To the provider' },
    },
    errors: [400, 403, 409, 503],
  },
  {
    method: 'post',
    path: '/api/student/register',
    tag: STUDENT,
    summary: 'Student sign-up with a campus email and a password',
    body: z.object({ email: z.email(), password: z.string(), name: z.string() }),
    responses: ok,
    errors: [403, 429],
  },
  {
    method: 'post',
    path: '/api/student/login',
    tag: STUDENT,
    summary: 'Student sign-in with a password',
    body: credentialsBody,
    responses: session,
    errors: [429],
  },
  {
    method: 'post',
    path: '/api/student/refresh',
    tag: STUDENT,
    summary: 'Refresh a student session',
    security: 'refresh',
    responses: session,
  },
  {
    method: 'delete',
    path: '/api/student/revoke-access',
    tag: STUDENT,
    summary: 'Revoke this access token',
    security: 'access',
    responses: { 200: { description: 'Revoked', schema: revoked('Access') } },
  },
  {
    method: 'delete',
    path: '/api/student/revoke-refresh',
    tag: STUDENT,
    summary: 'End this student session',
    security: 'refresh',
    responses: { 200: { description: 'Revoked', schema: revoked('Refresh') } },
  },
  {
    method: 'get',
    path: '/.well-known/jwks.json',
    tag: USER,
    summary: 'Public keys that sign access tokens',
    responses: {
      200: { description: 'JWKS', schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) },
    },
  },
];

export const authApiDocument = () => describeApi('auth', routes);
