import { officerLogin } from '../../domain/login.js';
import { changePassword, confirmPasswordReset, requestPasswordReset } from '../../domain/password-reset.js';
import { ok, signedIn, success, USER } from './answers.js';
import { route } from './route.js';
import { changePasswordBody, confirmResetBody, credentialsBody, emailBody } from './schemas.js';

const signIn = route(
  {
    method: 'post',
    path: '/api/user/login',
    tag: USER,
    summary: 'Sign in (officers, members, and students who run a club: as its officer)',
    body: credentialsBody,
    responses: signedIn,
    errors: [429],
  },
  ({ ctx, body }) => officerLogin(ctx, body.email, body.password),
);

const requestReset = route(
  {
    method: 'post',
    path: '/api/user/request-reset',
    tag: USER,
    summary: 'Email a password-reset link (same answer for any email)',
    body: emailBody,
    responses: ok,
    errors: [429],
  },
  ({ ctx, body }) => {
    ctx.deferred.after('request-reset', () => requestPasswordReset(ctx, body.email));
    return success;
  },
);

const confirmReset = route(
  {
    method: 'post',
    path: '/api/user/confirm-reset',
    tag: USER,
    summary: 'Set a new password with a reset link; ends every session',
    body: confirmResetBody,
    responses: ok,
    errors: [404],
  },
  async ({ ctx, body }) => {
    await confirmPasswordReset(ctx, body.token, body.password);
    return success;
  },
);

/** `/api/admin/change-password`: the one officer-API route about credentials, so it lives with them. */
const changeOwnPassword = route(
  {
    method: 'post',
    path: '/api/admin/change-password',
    tag: USER,
    summary: 'Change the password; ends every session',
    auth: ['officer', 'member', 'admin'],
    body: changePasswordBody,
    responses: ok,
  },
  async ({ ctx, body, claims }) => {
    await changePassword(ctx, claims.sub, body.old_password, body.new_password);
    return success;
  },
);

export const signInRoutes = [signIn, requestReset, confirmReset];
export const changePasswordRoutes = [changeOwnPassword];
