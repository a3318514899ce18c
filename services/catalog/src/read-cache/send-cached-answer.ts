import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ifNoneMatchMatches, preferredEncoding } from '@sproul/common/http';
import { allEtags, type CachedAnswer, etagFor } from './cached-answer.js';

/**
 * Who the answer goes to decides how others may keep it: anonymous answers are the same for everyone,
 * so browsers and CDNs may keep them briefly and serve them stale while they check again; an answer to
 * a signed-in caller is kept by the browser only, and checked again each time (ETag, 304).
 */
const cacheControl = (answer: CachedAnswer, anonymous: boolean) =>
  anonymous ? `public, max-age=${answer.maxAgeS}, stale-while-revalidate=30` : 'private, no-cache';

/**
 * Sends a cached answer: a 304 when the caller already has it, else its bytes, precompressed when the
 * caller accepts brotli or gzip (the gateway relays an encoded answer as it is).
 */
export function sendCachedAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  answer: CachedAnswer,
  /** Headers express would have added (the fast lane's answers skip its middleware). */
  base: Readonly<Record<string, string>> = {},
) {
  answer.onServe?.();
  const anonymous = req.headers.authorization === undefined;
  const encoding = answer.compressible ? preferredEncoding(req.headers['accept-encoding']) : undefined;
  const headers: OutgoingHttpHeaders = {
    ...base,
    ...answer.headers,
    etag: etagFor(answer, encoding),
    'cache-control': cacheControl(answer, anonymous),
  };
  if (answer.compressible) headers.vary = 'Accept-Encoding';
  const ifNoneMatch = req.headers['if-none-match'];
  // Any representation of this answer: the identity body's tag, or its brotli or gzip form's.
  if (
    ifNoneMatch !== undefined &&
    answer.status === 200 &&
    ifNoneMatchMatches(ifNoneMatch, allEtags(answer))
  ) {
    delete headers['content-type'];
    delete headers['content-disposition'];
    res.writeHead(304, headers).end();
    return;
  }
  const write = (body: Buffer, used: typeof encoding) => {
    if (used) headers['content-encoding'] = used;
    else headers.etag = answer.etag;
    headers['content-length'] = body.length;
    res.writeHead(answer.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const encoded = encoding && answer.encoded(encoding);
  if (!encoded) {
    write(answer.body, undefined);
    return;
  }
  // Made once per answer: later requests find it settled and only wait a microtask.
  return encoded.then(
    (body) => write(body, encoding),
    () => write(answer.body, undefined),
  );
}
