import type { Request, Response } from 'express';
import type { AuthContext } from '../../domain/auth-context.js';
import { authenticate } from '../../domain/login.js';
import { unauthorized } from '../../errors.js';

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const SELF_SERVICE_ROLES = ['officer', 'member', 'student'] as const;

/** `Basic` credentials of a request: [user, password], or undefined when the header is not Basic. */
export function basicCredentials(req: Request): [string, string] | undefined {
  const header = req.headers.authorization ?? '';
  if (!/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw unauthorized();
  return [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

/** The account whose email and password these are, if any may use the self-service API. */
export const accountOfCredentials = (ctx: AuthContext, [user, password]: [string, string]) =>
  authenticate(ctx, user, password, [...SELF_SERVICE_ROLES]);

/**
 * The simple user-auth API's authentication: a Bearer access token, or HTTP Basic with either
 * email and password or an access token as the user name (its password then ignored). Answers the
 * account id; a refusal carries the Basic challenge.
 */
export async function selfServiceAccount(ctx: AuthContext, req: Request, res: Response): Promise<string> {
  try {
    const basic = basicCredentials(req);
    if (!basic) {
      const header = req.headers.authorization ?? '';
      if (!/^bearer /i.test(header)) throw unauthorized();
      return (await ctx.verifier.verify(header.slice(7).trim())).sub;
    }
    if (JWT_SHAPE.test(basic[0])) return (await ctx.verifier.verify(basic[0])).sub;
    const account = await accountOfCredentials(ctx, basic);
    if (!account) throw unauthorized();
    return account.id;
  } catch (error) {
    res.setHeader('WWW-Authenticate', 'Basic realm="sproul"');
    throw error;
  }
}
