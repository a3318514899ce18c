import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestHandler } from 'express';
import { createProxyMiddleware, proxyEventsPlugin } from 'http-proxy-middleware';
import { relayAnswer } from './answer-relay.js';
import { proxiedAnswer } from './proxied-answer.js';
import { answerFailure, failureOf, failureReasons } from './proxy-failure.js';
import type { ProxyMetrics } from './proxy-metrics.js';
import type { ServiceName } from './route-table.js';
import { ServiceAgent } from './service-agent.js';
import { type PeerTrust, prepareServiceRequest } from './service-request.js';

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
  trustsPeer: PeerTrust = () => false,
  /** Given a failure first: true when it took the request over (another instance: balanced-proxy.ts). */
  takeOver: (error: Error, req: IncomingMessage, res: ServerResponse | Socket) => boolean = () => false,
): ProxyHandler {
  // The route's timeout is the sockets' idle timeout, set once per socket by the agent rather than
  // armed and disarmed for every request (http-proxy's `proxyTimeout` does that). A request idle past
  // it is cut; that surfaces as a plain ECONNRESET: remember why.
  const timedOut = new WeakSet<IncomingMessage>();
  const agent = new ServiceAgent(timeoutMs, (req) => timedOut.add(req));
  const reasons = failureReasons(service);
  // Parsed here once: given a string, http-proxy parses the target URL again for every request.
  const url = new URL(target);
  return createProxyMiddleware<IncomingMessage, ServerResponse>({
    target: {
      protocol: url.protocol,
      host: url.host,
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), // [::1] is written with brackets, dialled without
      port: url.port,
      path: url.pathname,
    },
    agent,
    selfHandleResponse: true,
    // Only the plugin that wires `on` below. The defaults would add, per request, a logger that builds
    // a URL for every answer (to a no-op logger), two listeners on the response, and an error answer
    // written after ours (the reason for one of those listeners): 10 % of the proxy's CPU per request
    // (paired runs). `error` and `proxyRes` below do what they were for: every failure is answered or
    // the response destroyed, and `relayAnswer` tears the service's answer down if the client leaves.
    ejectPlugins: true,
    plugins: [proxyEventsPlugin],
    on: {
      proxyReq(proxyReq, req, res) {
        // Emitted when the request has its socket (http-proxy waits for it).
        if (proxyReq.socket) ServiceAgent.carry(proxyReq.socket, req);
        prepareServiceRequest(proxyReq, req, res, trustsPeer);
      },
      proxyRes(answer, req, res) {
        const record = proxiedAnswer(res);
        // An answer that breaks off, or stalls past the timeout, before any of it went out is answered
        // 502 or 504 (counted as the service's status already, not twice).
        relayAnswer(answer, req, res, record.headers, () =>
          timedOut.has(req)
            ? answerFailure(res, 504, reasons.tooLate, service)
            : answerFailure(res, 502, reasons.failedToAnswer, service),
        );
        answered(service, answer.statusCode ?? 502, record.started);
      },
      error(error, req, res) {
        if (takeOver(error, req, res)) return;
        const [status, reason] = failureOf(error, timedOut.has(req), reasons);
        if (!('setHeader' in res)) {
          (res as Socket).destroy();
          return;
        }
        if (answerFailure(res, status, reason, service))
          answered(service, status, proxiedAnswer(res).started);
      },
    },
  }) as unknown as ProxyHandler;
}

export type ProxyHandler = RequestHandler &
  ((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => Promise<void>);
