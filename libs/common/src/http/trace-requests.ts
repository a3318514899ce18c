import type { RequestHandler } from 'express';
import { inSpanOf, startServerSpan } from '../tracing/http-spans.js';
import { tracingOn } from '../tracing/state.js';

/**
 * A server span per request while tracing is on (one test otherwise). With `asyncContext` the rest of
 * the request runs with it active, so logs, internal calls and appended events join its trace; without
 * (the gateway) it is kept on the response, where the proxy reads it.
 */
export const traceRequests =
  (service: string, asyncContext: boolean): RequestHandler =>
  (req, res, next) => {
    if (!tracingOn()) return next();
    const span = startServerSpan(req, res, { service });
    if (asyncContext) inSpanOf(span, next);
    else next();
  };
