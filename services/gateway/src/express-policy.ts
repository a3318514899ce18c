import { errorEnvelope } from '@sproul/common/errors';
import type { RequestHandler } from 'express';
import type { AccessPolicy } from './access-policy.js';
import type { ServiceName } from './route-table.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The service the access policy forwards the request to. */
    service?: ServiceName;
  }
}

/**
 * The express lane's side of the access policy, first: the headers every answer of the gateway carries
 * (its own pages and errors too), and the answer to a preflight on any path.
 */
export function policyHeaders(policy: AccessPolicy): RequestHandler {
  return (req, res, next) => {
    const headers =
      req.method === 'OPTIONS'
        ? policy.preflightHeaders(req.headers.origin)
        : policy.answerHeaders(req.headers.origin);
    for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i]!, headers[i + 1]!);
    if (req.method !== 'OPTIONS') return next();
    res.statusCode = 204;
    res.setHeader('content-length', '0');
    res.end();
  };
}

/** Then, after the rate limits: the policy's checks; a refusal is answered, a service's route noted. */
export function policyChecks(policy: AccessPolicy): RequestHandler {
  return async (req, res, next) => {
    const verdict = await policy.check({ path: req.path, headers: req.headers });
    if ('reject' in verdict) {
      res.status(verdict.reject.status).json(errorEnvelope(verdict.reject.reason));
      return;
    }
    // A forwarded answer's headers were set on `res` above, from the same policy.
    if ('forward' in verdict) req.service = verdict.forward.service;
    next();
  };
}
