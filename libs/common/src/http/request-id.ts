import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
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
 * The ids of a request passed on without a request context: the caller's request id when well-formed,
 * else a new one; a malformed correlation id is dropped from the request rather than passed on.
 * Shared by `requestIdOnly` and the gateway's fast lane.
 */
export function takeRequestId(req: IncomingMessage): string {
  const requestId = acceptableId(req.headers[REQUEST_ID_HEADER]) ?? randomUUID();
  if (!acceptableId(req.headers[CORRELATION_ID_HEADER])) delete req.headers[CORRELATION_ID_HEADER];
  return requestId;
}

/** The same ids without a request context: the request id goes in the answer's header (where the gateway's proxy reads it). */
export const requestIdOnly: RequestHandler = (req, res, next) => {
  res.setHeader(REQUEST_ID_HEADER, takeRequestId(req));
  next();
};
