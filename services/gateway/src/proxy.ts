import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { errorEnvelope } from '@sproul/common/errors';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '@sproul/common/http';
import type { RequestHandler } from 'express';
import { createProxyMiddleware, proxyEventsPlugin } from 'http-proxy-middleware';
import { writeAnswerHead } from './answer-head.js';
import { relayAnswer } from './answer-relay.js';
import { writeReadBody } from './limited-body.js';
import { proxiedAnswer } from './proxied-answer.js';
import type { ProxyMetrics } from './proxy-metrics.js';
import type { ServiceName } from './route-table.js';
import { ServiceAgent } from './service-agent.js';

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
  trustsPeer: PeerTrust = () => false,
): ProxyHandler {
  // The route's timeout is the sockets' idle timeout, set once per socket by the agent rather than
  // armed and disarmed for every request (http-proxy's `proxyTimeout` does that). A request idle past
  // it is cut; that surfaces as a plain ECONNRESET: remember why.
  const timedOut = new WeakSet<IncomingMessage>();
  const agent = new ServiceAgent(timeoutMs, (req) => timedOut.add(req));
  const failedToAnswer = `The ${service} service failed to answer`;
  const tooLate = `The ${service} service did not answer in time`;
  /** Our JSON error answer, or a cut connection once part of an answer went out; true when answered. */
  function answerFailure(res: ServerResponse, status: number, reason: string): boolean {
    if (res.headersSent) {
      res.destroy();
      return false;
    }
    writeAnswerHead(
      res,
      status,
      { 'content-type': 'application/json; charset=utf-8' },
      proxiedAnswer(res).headers,
    );
    res.end(JSON.stringify(errorEnvelope(reason, { service })));
    return true;
  }
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
        // Both lanes give the request an id (proxied-answer.ts) and drop a malformed correlation id.
        const { requestId } = proxiedAnswer(res);
        proxyReq.setHeader(REQUEST_ID_HEADER, requestId);
        proxyReq.setHeader(
          CORRELATION_ID_HEADER,
          (req.headers[CORRELATION_ID_HEADER] as string | undefined) ?? requestId,
        );
        setForwardedHeaders(proxyReq, req, trustsPeer);
        // Rate-limited routes had their small JSON body read at the gateway (limited-body.ts): send it on.
        // (Last: writing the body sends the headers.)
        const body = (req as { forwardBody?: Buffer }).forwardBody;
        if (body) writeReadBody(proxyReq, body);
      },
      proxyRes(answer, req, res) {
        const record = proxiedAnswer(res);
        // An answer that breaks off, or stalls past the timeout, before any of it went out is answered
        // 502 or 504 (counted as the service's status already, not twice).
        relayAnswer(answer, req, res, record.headers, () =>
          timedOut.has(req) ? answerFailure(res, 504, tooLate) : answerFailure(res, 502, failedToAnswer),
        );
        answered(service, answer.statusCode ?? 502, record.started);
      },
      error(error, req, res) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        const [status, reason] = DOWN.has(code)
          ? [503, `The ${service} service is unavailable`]
          : timedOut.has(req) || code === 'ETIMEDOUT'
            ? [504, tooLate]
            : [502, failedToAnswer];
        if (!('setHeader' in res)) {
          (res as Socket).destroy();
          return;
        }
        if (answerFailure(res, status, reason)) answered(service, status, proxiedAnswer(res).started);
      },
    },
  }) as unknown as ProxyHandler;
}

export type ProxyHandler = RequestHandler &
  ((req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => Promise<void>);

/** Whether the gateway believes the forwarding headers of a peer (express's compiled `trust proxy`). */
export type PeerTrust = (address: string, hop: number) => boolean;

/**
 * What http-proxy's `xfwd` adds, set on the outgoing request (xfwd rewrites `req.headers` instead,
 * which cost 8-12 % of the proxy's CPU per request): the client's address appended to the chain, the
 * scheme appended likewise, and the host the client asked for. These are the three express reads
 * under `trust proxy`. The chain the client sent is kept only from a peer the gateway trusts
 * (`TRUST_PROXY`); from anyone else it is replaced, so a service never sees a forged address.
 */
function setForwardedHeaders(proxyReq: ClientRequest, req: IncomingMessage, trustsPeer: PeerTrust) {
  const { headers, socket } = req;
  const address = socket.remoteAddress ?? '';
  const scheme = (socket as TLSSocket).encrypted ? 'https' : 'http';
  if (!trustsPeer(address, 0)) {
    proxyReq.setHeader('x-forwarded-for', address);
    proxyReq.setHeader('x-forwarded-proto', scheme);
    if (headers.host) proxyReq.setHeader('x-forwarded-host', headers.host);
    return;
  }
  const forwardedFor = headers['x-forwarded-for'];
  const forwardedProto = headers['x-forwarded-proto'];
  proxyReq.setHeader('x-forwarded-for', forwardedFor ? `${forwardedFor},${address}` : address);
  proxyReq.setHeader('x-forwarded-proto', forwardedProto ? `${forwardedProto},${scheme}` : scheme);
  const host = headers['x-forwarded-host'] ?? headers.host;
  if (host) proxyReq.setHeader('x-forwarded-host', host);
}
