import type { RequestHandler } from 'express';
import { errorEnvelope } from '../errors/app-error.js';

/**
 * The bodies every service parses as JSON (type-is patterns: any case, any parameters). The gateway reads
 * the same ones on rate-limited routes to find the account, so that no type a service accepts slips by.
 */
export const JSON_BODY_TYPES = ['application/json', 'application/*+json'];

const hasBody = (headers: Record<string, string | string[] | undefined>) =>
  headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/**
 * Bodies a route may take besides JSON, by name (`RouteSpec.alsoAccepts`): RFC 8058's one-click
 * unsubscribe posts a form, SNS posts its notifications as text.
 */
export const OTHER_BODY_TYPES = { form: 'application/x-www-form-urlencoded', text: 'text/plain' } as const;
export type OtherBody = keyof typeof OTHER_BODY_TYPES;

/**
 * Bodies must be JSON (or multipart, for upload routes, which parse it themselves), or of a type the
 * route at that exact path says it also accepts (`others`). Anything else is a 415, rather than a body
 * silently ignored and a confusing validation error.
 */
export const requireSupportedContentType =
  (others: ReadonlyMap<string, readonly OtherBody[]> = new Map()): RequestHandler =>
  (req, res, next) => {
    if (!hasBody(req.headers)) return next();
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/json' || type.endsWith('+json') || type === 'multipart/form-data')
      return next();
    if (others.get(req.path)?.some((kind) => OTHER_BODY_TYPES[kind] === type)) return next();
    res
      .status(415)
      .json(errorEnvelope('Unsupported content type: send application/json', { contentType: type || null }));
  };
