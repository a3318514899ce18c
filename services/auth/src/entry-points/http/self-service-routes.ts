import { z } from 'zod';
import { deleteAccount, getProfile, updateProfile } from '../../domain/self-service.js';
import { startSession } from '../../domain/sessions.js';
import { unauthorized } from '../../errors.js';
import { accountProfile, ok, success, USER } from './answers.js';
import { route } from './route.js';
import { password } from './schemas.js';
import { accountOfCredentials, basicCredentials, selfServiceAccount } from './self-service-auth.js';

// The simple user-auth API, beside upstream's routes (GET /login here, POST /login upstream). Each
// checks its credentials itself, before reading a body.

const profileChanges = z
  .strictObject({
    name: z.string().trim().min(1).max(100).nullable().optional(),
    password: password.optional(),
    current_password: password.optional(),
  })
  .refine((body) => body.name !== undefined || body.password !== undefined, 'send name and/or password')
  .refine((body) => body.password === undefined || body.current_password !== undefined, {
    path: ['current_password'],
    message: 'required to set a new password',
  });

const tokenForBasic = route(
  {
    method: 'get',
    path: '/api/user/login',
    tag: USER,
    summary: 'A token for HTTP Basic credentials',
    // Email and password only: a Bearer token (or one as the Basic user name) gets no new token here.
    auth: { self: 'basic' },
    responses: {
      200: { description: 'Token', schema: z.object({ token: z.string(), expires_in: z.number() }) },
    },
  },
  async ({ ctx, req, res }) => {
    let basic: [string, string] | undefined;
    try {
      basic = basicCredentials(req);
    } catch {} // malformed Basic: answered like wrong credentials, with the challenge
    const account = basic && (await accountOfCredentials(ctx, basic));
    if (!account) {
      res.setHeader('WWW-Authenticate', 'Basic realm="sproul"');
      throw unauthorized();
    }
    const tokens = await ctx.transaction((unit) => startSession(ctx, unit, account, 'officer'));
    return { token: tokens.access, expires_in: tokens.access_expires_in };
  },
);

const profile = route(
  {
    method: 'get',
    path: '/api/user',
    tag: USER,
    summary: 'The signed-in account',
    auth: { self: 'basic-or-bearer' },
    responses: { 200: { description: 'Account', schema: accountProfile } },
  },
  async ({ ctx, req, res }) => getProfile(ctx, await selfServiceAccount(ctx, req, res)),
);

const changeProfile = route(
  {
    method: 'patch',
    path: '/api/user',
    tag: USER,
    summary:
      'Change name and/or password; a new password needs `current_password`, and ends every session and emailed link',
    auth: { self: 'basic-or-bearer' },
    documented: { body: profileChanges },
    responses: ok,
  },
  async ({ ctx, req, res }) => {
    const accountId = await selfServiceAccount(ctx, req, res);
    const { current_password: currentPassword, ...changes } = profileChanges.parse(req.body);
    await updateProfile(ctx, accountId, { ...changes, currentPassword });
    return success;
  },
);

const removeAccount = route(
  {
    method: 'delete',
    path: '/api/user',
    tag: USER,
    summary: 'Delete the signed-in account',
    auth: { self: 'basic-or-bearer' },
    responses: ok,
    errors: [403],
  },
  async ({ ctx, req, res }) => {
    await deleteAccount(ctx, await selfServiceAccount(ctx, req, res));
    return success;
  },
);

export const selfServiceRoutes = [tokenForBasic, profile, changeProfile, removeAccount];
