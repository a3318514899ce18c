import type { Request, RequestHandler } from 'express';
import { badRequest } from '../errors/app-error.js';
import { decodedPathIsValid, invalidPathParams } from './path-text.js';
import { assertValidText, INVALID_TEXT, isValidText } from './valid-text.js';

export { assertValidText, INVALID_TEXT, invalidTextFields, isValidText } from './valid-text.js';

/** The decoded `Basic` credentials, when the request carries them (whatever their validity). */
function basicCredentialsText(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header || !/^basic /i.test(header)) return undefined;
  return Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
}

/**
 * Refuses, with the 400 envelope naming each field, a request whose JSON body, query string, path
 * parameters or Basic credentials hold invalid text. Runs after body parsing and before every route,
 * so no service's handler (zod-parsed or not) ever passes such text on to its database.
 */
export const requireValidText: RequestHandler = (req, _res, next) => {
  if (!decodedPathIsValid(req.path)) {
    const names = invalidPathParams(req.app.router?.stack as never, req.path);
    const fields = names.length > 0 ? names : ['path'];
    throw badRequest(
      'A validation error occurred when parsing the path.',
      fields.map((field) => ({ field, errors: [INVALID_TEXT] })),
    );
  }
  if (req.url.includes('?')) assertValidText(req.query, 'query string');
  if (req.body !== undefined) assertValidText(req.body, 'JSON body');
  const basic = basicCredentialsText(req);
  if (basic !== undefined && !isValidText(basic)) {
    throw badRequest('A validation error occurred when parsing the Authorization header.', [
      { field: 'authorization', errors: [INVALID_TEXT] },
    ]);
  }
  next();
};
