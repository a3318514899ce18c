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
 * Bodies must be JSON (or multipart, for upload routes, which parse it themselves). Anything else is a
 * 415, rather than a body silently ignored and a confusing validation error.
 */
export const requireSupportedContentType: RequestHandler = (req, res, next) => {
  if (!hasBody(req.headers)) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json') || type === 'multipart/form-data') return next();
  res
    .status(415)
    .json(errorEnvelope('Unsupported content type: send application/json', { contentType: type || null }));
};
