import { z } from 'zod';
import { confirmEmail, resendConfirmation } from '../../domain/confirm-email.js';
import { normalizeEmail } from '../../domain/email-address.js';
import { isStrongPassword } from '../../domain/password-policy.js';
import { registerMember, registerOfficer } from '../../domain/register.js';
import { ok, success, USER } from './answers.js';
import { isOfficerRegistration, memberRegistrationBody } from './member-registration-schema.js';
import { officerRegistrationBody } from './officer-registration-schema.js';
import { route } from './route.js';
import { emailBody, passwordBody } from './schemas.js';

// Reveals RSO-list membership by design: the web client blocks login unless it answers true.
const emailExists = route(
  {
    method: 'post',
    path: '/api/user/email-exists',
    tag: USER,
    summary: 'Is this email on the RSO list?',
    body: emailBody,
    responses: { 200: { description: 'Answer', schema: z.object({ exists: z.boolean() }) } },
    errors: [429],
  },
  async ({ ctx, body }) => ({ exists: await ctx.read.rso.has(normalizeEmail(body.email)) }),
);

const passwordStrength = route(
  {
    method: 'post',
    path: '/api/user/password-strength',
    tag: USER,
    summary: 'Does this password meet the policy?',
    body: passwordBody,
    responses: { 200: { description: 'Answer', schema: z.object({ strong: z.boolean() }) } },
    errors: [429],
  },
  ({ body }) => ({ strong: isStrongPassword(body.password) }),
);

// The body's shape picks its schema (officers send club fields), so the handler parses it.
const register = route(
  {
    method: 'post',
    path: '/api/user/register',
    tag: USER,
    summary: 'Register a club officer (with the club) or, with just email/password/name, a member',
    documented: {
      body: z.union([officerRegistrationBody('America/Los_Angeles'), memberRegistrationBody]),
    },
    responses: ok,
    errors: [404, 429],
  },
  async ({ ctx, req }) => {
    if (isOfficerRegistration(req.body)) {
      const { email, password, ...club } = officerRegistrationBody(ctx.config.CAMPUS_TZ).parse(req.body);
      await registerOfficer(ctx, { email, password, club });
    } else {
      const { email, password, name } = memberRegistrationBody.parse(req.body);
      await registerMember(ctx, { email, password, name: name ?? null });
    }
    return success;
  },
);

const resendConfirm = route(
  {
    method: 'post',
    path: '/api/user/resend-confirm',
    tag: USER,
    summary: 'Send a new confirmation link (same answer for any email)',
    body: emailBody,
    responses: ok,
    errors: [429],
  },
  ({ ctx, body }) => {
    ctx.deferred.after('resend-confirm', () => resendConfirmation(ctx, body.email));
    return success;
  },
);

const confirm = route(
  {
    method: 'get',
    path: '/api/user/confirm/:token',
    tag: USER,
    summary: 'The link in the confirmation email',
    responses: { 302: { description: 'To the sign-in page, confirmed' } },
    errors: [404],
  },
  async ({ ctx, params, res }) => {
    res.redirect(302, await confirmEmail(ctx, String(params.token)));
  },
);

export const registrationRoutes = [emailExists, passwordStrength, register, resendConfirm, confirm];
