import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '@sproul/common/http';
import { spanOfResponse, traceHeaders, tracingOn } from '@sproul/common/tracing';
import { writeReadBody } from './limited-body.js';
import { proxiedAnswer } from './proxied-answer.js';

/** Whether the gateway believes the forwarding headers of a peer (express's compiled `trust proxy`). */
export type PeerTrust = (address: string, hop: number) => boolean;

/** The request as the service gets it: the request ids, the forwarding headers, and a body read at the gateway. */
export function prepareServiceRequest(
  proxyReq: ClientRequest,
  req: IncomingMessage,
  res: ServerResponse,
  trustsPeer: PeerTrust,
) {
  // Both lanes give the request an id (proxied-answer.ts) and drop a malformed correlation id.
  const { requestId } = proxiedAnswer(res);
  proxyReq.setHeader(REQUEST_ID_HEADER, requestId);
  proxyReq.setHeader(
    CORRELATION_ID_HEADER,
    (req.headers[CORRELATION_ID_HEADER] as string | undefined) ?? requestId,
  );
  setForwardedHeaders(proxyReq, req, trustsPeer);
  if (tracingOn()) injectTrace(proxyReq, res);
  // Rate-limited routes had their small JSON body read at the gateway (limited-body.ts): send it on.
  // (Last: writing the body sends the headers.)
  const body = (req as { forwardBody?: Buffer }).forwardBody;
  if (body) writeReadBody(proxyReq, body);
}

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

/**
 * The service's request continues the gateway's span, not the client's: the client's `traceparent`
 * (the gateway span's parent already) is replaced, and a `tracestate` goes only with the span's own.
 */
function injectTrace(proxyReq: ClientRequest, res: ServerResponse) {
  const span = spanOfResponse(res);
  if (!span) return;
  proxyReq.removeHeader('tracestate');
  for (const [name, value] of Object.entries(traceHeaders(span))) proxyReq.setHeader(name, value);
}
