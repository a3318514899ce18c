import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, errorEnvelope } from '../errors/app-error.js';
import { reportError } from '../errors/error-reporting.js';
import type { Logger } from '../logging/logger.js';
import { redactUrl } from '../logging/redact-url.js';
import { withTraceId } from '../tracing/log-fields.js';
import { allowedMethods } from './allowed-methods.js';
import { classifyDatabaseError, databaseUnavailable } from './database-errors.js';

export const notFoundOrMethodNotAllowed: RequestHandler = (req, res) => {
  const allowed = allowedMethods(req.app.router?.stack as never, req.path);
  if (allowed.length > 0) {
    res.setHeader('Allow', allowed.join(', '));
    res.status(405).json(errorEnvelope(`Method ${req.method} is not allowed on ${req.path}`, { allowed }));
    return;
  }
  res.status(404).json(errorEnvelope(`No route for ${req.method} ${req.path}`));
};

// body-parser and raw-body tag their errors with a `type`; each becomes the answer a client expects.
const BODY_ERRORS: Record<string, [number, string]> = {
  'entity.parse.failed': [400, 'Expected JSON in body'],
  'entity.too.large': [413, 'Request body is too large'],
  'entity.verify.failed': [400, 'Request body was rejected'],
  'encoding.unsupported': [415, 'Unsupported content encoding'],
  'charset.unsupported': [415, 'Unsupported charset'],
  'request.aborted': [400, 'Request was aborted'],
  'request.size.invalid': [400, 'Request size did not match Content-Length'],
  'stream.encoding.set': [500, 'Internal server error'],
};

export const zodIssuesAsFields = (error: ZodError) =>
  error.issues.map((issue) => ({ field: issue.path.join('.'), errors: [issue.message] }));

/**
 * Last-resort handler: every error leaves as the JSON envelope with the right status, never HTML or a
 * stack trace. Unknown errors are logged with their stack and answered as a bare 500. PostgreSQL's
 * constraint and data errors (a race lost, a value the database refuses) are the client's 4xx; a
 * database (or another dependency) that cannot be reached is a 503 with Retry-After.
 */
export function errorHandler(logger: Logger, service?: string): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const [status, reason, data] = classify(error);
    if (status >= 500) {
      const path = redactUrl(req.path);
      logger.error({ err: error, method: req.method, path }, 'request failed');
      const requestId = res.getHeader('x-request-id');
      reportError(error, {
        service,
        status,
        method: req.method,
        path,
        requestId: typeof requestId === 'string' ? requestId : undefined,
      });
    } else if (classifyDatabaseError(error)) {
      logger.warn(
        { err: error, method: req.method, path: redactUrl(req.path), status },
        'database refused the request',
      );
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (status === 503) res.setHeader('Retry-After', '5');
    res.status(status).json(errorEnvelope(reason, status >= 500 ? withTraceId(data, res) : data));
  };
}

const INTERNAL: [number, string, unknown] = [500, 'Internal server error', null];
const UNAVAILABLE: [number, string, unknown] = [
  503,
  'Something this request needs (the database, a store) cannot be reached right now; try again shortly',
  null,
];

function classify(error: unknown): [number, string, unknown] {
  if (error instanceof AppError) {
    // A bug (an event breaking its contract, say): its details are for the log, not the client.
    if (error.status === 500) return INTERNAL;
    return [error.status, error.reason, error.data ?? null];
  }
  if (error instanceof ZodError) {
    return [400, 'A validation error occurred when parsing the JSON body.', zodIssuesAsFields(error)];
  }
  const database = classifyDatabaseError(error);
  if (database) return [...database, null];
  if (databaseUnavailable(error)) return UNAVAILABLE;
  if (typeof error === 'object' && error !== null) {
    const tagged = error as { type?: unknown; status?: unknown; statusCode?: unknown; expose?: unknown };
    if (typeof tagged.type === 'string' && BODY_ERRORS[tagged.type]) {
      const [status, reason] = BODY_ERRORS[tagged.type]!;
      return [status, reason, null];
    }
    const status = Number(tagged.status ?? tagged.statusCode);
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      return [status, status === 400 ? 'Bad request' : (error as Error).message || 'Request error', null];
    }
  }
  return INTERNAL;
}
