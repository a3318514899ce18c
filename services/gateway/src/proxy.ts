import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent } from 'node:http';
import type { Socket } from 'node:net';
import { CORRELATION_ID_HEADER, errorEnvelope, REQUEST_ID_HEADER } from '@sproul/common';
import type { RequestHandler } from 'express';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';
import { relayAnswer } from './answer-relay.js';

// Connection errors that mean "nobody is listening" (503) rather than "answered badly" (502).
const DOWN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/**
 * A streaming reverse proxy to one service: bodies (multipart included) pass through unbuffered both
 * ways; answers are relayed (and compressed when large) by `relayAnswer`. Works on express's request
 * objects and on bare node ones (the fast lane).
 */
export function proxyTo(service: string, target: string, timeoutMs: number): ProxyHandler {
  const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64 });
  const timedOut = new WeakSet<IncomingMessage>();
  return createProxyMiddleware<IncomingMessage, ServerResponse>({
    target,
    agent,
    xfwd: true,
    proxyTimeout: timeoutMs,
    selfHandleResponse: true,
    on: {
      proxyReq(proxyReq, req, res) {
        // http-proxy aborts a timed-out request, which surfaces as a plain ECONNRESET: remember why.
        proxyReq.once('timeout', () => timedOut.add(req));
        // Both lanes put the request id on the answer and drop a malformed correlation id from the request.
        const requestId = String(res.getHeader(REQUEST_ID_HEADER));
        proxyReq.setHeader(REQUEST_ID_HEADER, requestId);
        proxyReq.setHeader(
          CORRELATION_ID_HEADER,
          (req.headers[CORRELATION_ID_HEADER] as string | undefined) ?? requestId,
        );
        // Rate-limited routes had their small JSON body read at the gateway: send it on as it was.
        // (Last: writing the body sends the headers.)
        fixRequestBody(proxyReq, req);
      },
      proxyRes(answer, req, res) {
        relayAnswer(answer, req, res);
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
  }) as unknown as ProxyHandler;
}

export type ProxyHandler = RequestHandler &
  ((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => Promise<void>);
