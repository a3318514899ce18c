import type { TokenVerifier } from '@sproul/common/auth';
import { AppError } from '@sproul/common/errors';
import type { Request, RequestHandler } from 'express';
import type { AuthContext } from '../../domain/auth-context.js';
import { authenticate } from '../../domain/login.js';

declare module 'express-serve-static-core' {
  interface Request {
    accountId?: string;
  }
}

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

const refuse = () => new AppError('AUTH.UNAUTHORIZED', 401, 'Unauthorized');

/** `Basic` credentials of a request: [user, password], or undefined when the header is not Basic. */
export function basicCredentials(req: Request): [string, string] | undefined {
  const header = req.headers.authorization ?? '';
  if (!/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw refuse();
  return [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

/**
 * The simple user-auth API's authentication: a Bearer access token, or HTTP Basic with either
 * email and password or an access token as the user name (its password then ignored).
 */
export function selfServiceAuth(ctx: AuthContext, verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    try {
      const basic = basicCredentials(req);
      if (!basic) {
        const header = req.headers.authorization ?? '';
        if (!/^bearer /i.test(header)) throw refuse();
        req.accountId = (await verifier.verify(header.slice(7).trim())).sub;
      } else if (JWT_SHAPE.test(basic[0])) {
        req.accountId = (await verifier.verify(basic[0])).sub;
      } else {
        const account = await authenticate(ctx, basic[0], basic[1], ['officer', 'member', 'student']);
        if (!account) throw refuse();
        req.accountId = account.id;
      }
      next();
    } catch (error) {
      res.setHeader('WWW-Authenticate', 'Basic realm="sproul"');
      throw error;
    }
  };
}
