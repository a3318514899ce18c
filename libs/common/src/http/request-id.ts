import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { acceptableId, runWithContext } from '../context/request-context.js';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Takes the caller's request id when it is well-formed (the gateway sets one), otherwise makes one. */
export const requestContext: RequestHandler = (req, res, next) => {
  const requestId = acceptableId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
  const correlationId = acceptableId(req.headers[CORRELATION_ID_HEADER]) ?? requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  runWithContext({ requestId, correlationId }, next);
};

/**
 * The same ids without a request context: the request id in the answer's header (where the gateway's
 * proxy reads it), and a malformed correlation id dropped from the request rather than passed on.
 */
export const requestIdOnly: RequestHandler = (req, res, next) => {
  const requestId = acceptableId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
  if (!acceptableId(req.headers[CORRELATION_ID_HEADER])) delete req.headers[CORRELATION_ID_HEADER];
  res.setHeader(REQUEST_ID_HEADER, requestId);
  next();
};
