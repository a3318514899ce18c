import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent } from 'node:http';
import type { Socket } from 'node:net';
import { CORRELATION_ID_HEADER, errorEnvelope, REQUEST_ID_HEADER } from '@sproul/common';
import type { RequestHandler } from 'express';
import { createProxyMiddleware, fixRequestBody } from 'http-proxy-middleware';
import { relayAnswer } from './answer-relay.js';
import { applyPendingHeaders, proxiedAnswer } from './proxied-answer.js';
import type { ProxyMetrics } from './proxy-metrics.js';
import type { ServiceName } from './route-table.js';

// Connection errors that mean "nobody is listening" (503) rather than "answered badly" (502).
const DOWN = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/**
 * A streaming reverse proxy to one service: bodies (multipart included) pass through unbuffered both
 * ways; answers are relayed (and compressed when large) by `relayAnswer`. Works on express's request
 * objects and on bare node ones (the fast lane). Every answer, the service's or a 502/503/504 of ours,
 * is counted in `answered`.
 */
export function proxyTo(
  service: ServiceName,
  target: string,
  timeoutMs: number,
  answered: ProxyMetrics,
): ProxyHandler {
  // The route's timeout is the sockets' idle timeout, set once per socket by the agent rather than
  // armed and disarmed for every request (http-proxy's `proxyTimeout` does that).
  const agent = new Agent({ keepAlive: true, maxSockets: 256, maxFreeSockets: 64, timeout: timeoutMs });
  const timedOut = new WeakSet<IncomingMessage>();
  return createProxyMiddleware<IncomingMessage, ServerResponse>({
    target,
    agent,
    xfwd: true,
    selfHandleResponse: true,
    on: {
      proxyReq(proxyReq, req, res) {
        // A request idle past the timeout is cut; that surfaces as a plain ECONNRESET: remember why.
        proxyReq.once('timeout', () => {
          timedOut.add(req);
          proxyReq.destroy();
        });
        // Both lanes give the request an id (proxied-answer.ts) and drop a malformed correlation id.
        const { requestId } = proxiedAnswer(res);
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
        const record = proxiedAnswer(res);
        relayAnswer(answer, req, res, record.headers);
        answered(service, answer.statusCode ?? 502, record.started);
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
        const record = proxiedAnswer(res);
        applyPendingHeaders(res, record);
        res.statusCode = status;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(errorEnvelope(reason, { service })));
        answered(service, status, record.started);
      },
    },
  }) as unknown as ProxyHandler;
}

export type ProxyHandler = RequestHandler &
  ((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => Promise<void>);
