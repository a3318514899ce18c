import type { TokenVerifier } from '@sproul/common/auth';
import { Router } from 'express';
import type { AuthContext } from '../../domain/auth-context.js';
import { confirmEmail, resendConfirmation } from '../../domain/confirm-email.js';
import { normalizeEmail } from '../../domain/email-address.js';
import { login } from '../../domain/login.js';
import { isStrongPassword } from '../../domain/password-policy.js';
import { confirmPasswordReset, requestPasswordReset } from '../../domain/password-reset.js';
import { registerMember, registerOfficer } from '../../domain/register.js';
import {
  confirmResetBody,
  credentialsBody,
  emailBody,
  isOfficerRegistration,
  memberRegistrationBody,
  officerRegistrationBody,
  passwordBody,
} from './schemas.js';

const success = { status: 'success' } as const;

/**
 * Requests whose answer must not reveal whether an account exists (reset, resend, magic link) answer
 * first and do their work after: the answer and its timing are then the same for every address.
 */
export function afterAnswering(ctx: AuthContext, what: string, work: () => Promise<unknown>) {
  setImmediate(() => {
    work().catch((error) => ctx.logger.error({ err: error, what }, 'deferred account email failed'));
  });
}

/** `/api/user`: the officer account API of upstream, same paths, bodies, answers and status codes. */
export function userRoutes(ctx: AuthContext, _verifier: TokenVerifier) {
  const router = Router();

  // Reveals RSO-list membership by design: the web client blocks login unless it answers true.
  router.post('/email-exists', async (req, res) => {
    const { email } = emailBody.parse(req.body);
    res.json({ exists: await ctx.read.rso.has(normalizeEmail(email)) });
  });

  router.post('/password-strength', (req, res) => {
    res.json({ strong: isStrongPassword(passwordBody.parse(req.body).password) });
  });

  router.post('/register', async (req, res) => {
    if (isOfficerRegistration(req.body)) {
      const { email, password, ...club } = officerRegistrationBody(ctx.config.CAMPUS_TZ).parse(req.body);
      await registerOfficer(ctx, { email, password, club });
    } else {
      const { email, password, name } = memberRegistrationBody.parse(req.body);
      await registerMember(ctx, { email, password, name: name ?? null });
    }
    res.json(success);
  });

  router.post('/resend-confirm', async (req, res) => {
    const { email } = emailBody.parse(req.body);
    res.json(success);
    afterAnswering(ctx, 'resend-confirm', () => resendConfirmation(ctx, email));
  });

  router.get('/confirm/:token', async (req, res) => {
    res.redirect(302, await confirmEmail(ctx, req.params.token));
  });

  router.post('/login', async (req, res) => {
    const { email, password } = credentialsBody.parse(req.body);
    res.json(await login(ctx, email, password, ['officer', 'member']));
  });

  router.post('/request-reset', async (req, res) => {
    const { email } = emailBody.parse(req.body);
    res.json(success);
    afterAnswering(ctx, 'request-reset', () => requestPasswordReset(ctx, email));
  });

  router.post('/confirm-reset', async (req, res) => {
    const { token, password } = confirmResetBody.parse(req.body);
    await confirmPasswordReset(ctx, token, password);
    res.json(success);
  });

  return router;
}
