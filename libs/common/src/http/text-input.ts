import type { Request, RequestHandler } from 'express';
import { badRequest } from '../errors/app-error.js';

/**
 * Text PostgreSQL cannot store: a NUL byte is refused by `text` and `jsonb` (a 500 when it reached a
 * query), and an unpaired UTF-16 surrogate (`"\ud800"` in JSON) is silently turned into U+FFFD. Both
 * are bad input, refused here once for every request instead of in each field's schema.
 */
export const INVALID_TEXT = 'must not contain NUL bytes or unpaired UTF-16 surrogates';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isValidText = (text: string) => !text.includes('\0') && !UNPAIRED.test(text);

type FieldProblem = { field: string; errors: string[] };

/**
 * The fields of a parsed value (keys and string values, at any depth) that hold invalid text, named
 * as zod names them (`tags.0`, `social_media_links.instagram`). Walks with its own stack: a body
 * nested thousands deep must not overflow ours.
 */
export function invalidTextFields(value: unknown, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: [unknown, string][] = [[value, prefix]];
  while (pending.length > 0) {
    const [current, field] = pending.pop()!;
    if (typeof current === 'string') {
      if (!isValidText(current)) problems.push({ field, errors: [INVALID_TEXT] });
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => {
        pending.push([item, join(field, String(index))]);
      });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) {
        const name = join(field, key);
        if (!isValidText(key)) problems.push({ field: name, errors: [INVALID_TEXT] });
        pending.push([item, name]);
      }
    }
  }
  return problems.reverse();
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

/** Throws the 400 envelope when a parsed value holds invalid text (for bodies a route parses itself). */
export function assertValidText(value: unknown, where: string) {
  const problems = invalidTextFields(value);
  if (problems.length > 0)
    throw badRequest(`A validation error occurred when parsing the ${where}.`, problems);
}

interface LayerLike {
  match(path: string): { params?: Record<string, unknown>; path: string } | false;
  route?: unknown;
  handle?: { stack?: LayerLike[] };
}

/** The names of the path parameters, in any route matching `path`, whose value is invalid text. */
function invalidPathParams(stack: LayerLike[] | undefined, path: string): string[] {
  const names = new Set<string>();
  for (const layer of stack ?? []) {
    const match = layer.match(path);
    if (!match) continue;
    for (const [name, value] of Object.entries(match.params ?? {})) {
      if (typeof value === 'string' && !isValidText(value)) names.add(name);
    }
    if (!layer.route && layer.handle?.stack) {
      for (const name of invalidPathParams(layer.handle.stack, path.slice(match.path.length) || '/')) {
        names.add(name);
      }
    }
  }
  return [...names];
}

function decodedPathIsValid(path: string) {
  if (!path.includes('%')) return true; // raw URLs carry no NUL nor surrogate unencoded
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue; // not UTF-8: the router answers 400 for it when it decodes the parameter
    }
    if (!isValidText(decoded)) return false;
  }
  return true;
}

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
