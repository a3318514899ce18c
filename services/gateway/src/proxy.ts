import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent } from 'node:http';
import type { Socket } from 'node:net';
import { CORRELATION_ID_HEADER, currentContext, errorEnvelope, REQUEST_ID_HEADER } from '@sproul/common';
import type { RequestHandler } from 'express';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';

// Connection errors that mean "nobody is listening" (503) rather than "answered badly" (502).
const DOWN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** A streaming reverse proxy to one service: bodies (multipart included) pass through unbuffered. */
export function proxyTo(service: string, target: string, timeoutMs: number): RequestHandler {
  const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });
  const timedOut = new WeakSet<IncomingMessage>();
  return createProxyMiddleware<IncomingMessage, ServerResponse>({
    target,
    agent,
    xfwd: true,
    proxyTimeout: timeoutMs,
    on: {
      proxyReq(proxyReq, req) {
        // http-proxy aborts a timed-out request, which surfaces as a plain ECONNRESET: remember why.
        proxyReq.once('timeout', () => timedOut.add(req));
        const context = currentContext();
        if (context) {
          proxyReq.setHeader(REQUEST_ID_HEADER, context.requestId);
          proxyReq.setHeader(CORRELATION_ID_HEADER, context.correlationId);
        }
        // Rate-limited routes had their small JSON body read at the gateway: send it on as it was.
        // (Last: writing the body sends the headers.)
        fixRequestBody(proxyReq, req);
      },
      error(error, req, res) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        const [status, reason] = DOWN.has(code)
          ? [503, `The ${service} service is unavailable`]
          : timedOut.has(req) || code === 'ETIMEDOUT'
            ? [504, `The ${service} service did not answer in time`]
            : [502, `The ${service} service failed to answer`];
        if (!('setHeader' in res)) {
          (res as Socket).destroy();
          return;
        }
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.statusCode = status;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(errorEnvelope(reason, { service })));
      },
    },
  }) as unknown as RequestHandler;
}
