import type { ClientRequest } from 'node:http';
import { JSON_BODY_TYPES } from '@sproul/common/http';
import express, { type Request, type RequestHandler } from 'express';
import type { Rule } from './rate-limit-rules.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** A body the gateway read (to find the account), to be sent on in its place (service-request.ts). */
    forwardBody?: Buffer;
  }
}

/**
 * Reads the body of a rate-limited request, to find the account in it (`accountsOf`): any body the
 * service would parse as JSON (the same types, any case, any charset or encoding body-parser takes).
 * It is sent on re-encoded as plain JSON (`writeReadBody`, from service-request.ts).
 */
export function readLimitedBody(ruleOf: (req: Request) => Rule | undefined): RequestHandler {
  const parseJson = express.json({ limit: '16kb', type: JSON_BODY_TYPES });
  return (req, res, next) => {
    if (!ruleOf(req)) return next();
    parseJson(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (req.readableEnded && req.body !== undefined)
        req.forwardBody = Buffer.from(JSON.stringify(req.body));
      next();
    });
  };
}

/**
 * The body as read, re-encoded: whatever JSON type, charset or content-encoding the client used was
 * decoded by body-parser, so it goes on as plain UTF-8 JSON of its exact length.
 */
export function writeReadBody(proxyReq: ClientRequest, body: Buffer) {
  proxyReq.removeHeader('content-encoding');
  proxyReq.removeHeader('transfer-encoding');
  proxyReq.setHeader('content-type', 'application/json; charset=utf-8');
  proxyReq.setHeader('content-length', body.length);
  proxyReq.write(body);
}
