import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

// Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection, not the answer: never relayed.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** A service's answer's end-to-end headers, lower-cased; hop-by-hop ones dropped. */
export function endToEndHeaders(answer: IncomingMessage): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const raw = answer.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    if (HOP_BY_HOP.has(name)) continue;
    const value = raw[i + 1]!;
    const previous = headers[name];
    // set-cookie (and any repeated header) keeps every value.
    headers[name] =
      previous === undefined
        ? value
        : Array.isArray(previous)
          ? [...previous, value]
          : [String(previous), value];
  }
  return headers;
}

/**
 * Writes an answer's head: `headers`, plus the gateway's own (request id, CORS, security headers),
 * whether set on `res` already (express lane) or `added` as name/value pairs (fast lane), each kept
 * unless `headers` has its own; `Vary` from all of them is kept, the gateway's first.
 */
export function writeAnswerHead(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  added: readonly string[],
) {
  for (let i = 0; i < added.length; i += 2) {
    const name = added[i]!;
    const value = added[i + 1]!;
    if (name === 'vary') headers.vary = headers.vary ? `${value}, ${headers.vary}` : value;
    else if (headers[name] === undefined) headers[name] = value;
  }
  const vary = res.getHeader('vary');
  if (vary && headers.vary) headers.vary = `${vary}, ${headers.vary}`;
  res.writeHead(status, headers);
}
