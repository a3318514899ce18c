import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import { preferredEncoding } from '@sproul/common/http';

/** Answers smaller than this go out as they are: compressing them costs more than it saves. */
export const COMPRESSION_THRESHOLD = 1024;

// Types worth compressing; event streams are text but must flow out as written.
const COMPRESSIBLE =
  /^(application\/(json|[\w.+-]+\+json|javascript|xml|[\w.+-]+\+xml)|text\/(?!event-stream)|image\/svg)/i;

/** The encoding a relayed answer is compressed with, if any (see `relayAnswer`). */
export function chooseEncoding(
  answer: IncomingMessage,
  req: IncomingMessage,
  headers: OutgoingHttpHeaders,
): 'br' | 'gzip' | undefined {
  if (req.method === 'HEAD' || answer.statusCode === 204 || answer.statusCode === 304) return undefined;
  // Size first: most answers are small, and this spares them the pattern tests below.
  const length = headers['content-length'];
  if (length !== undefined && Number(length) < COMPRESSION_THRESHOLD) return undefined;
  if (headers['content-encoding'] || !COMPRESSIBLE.test(String(headers['content-type'] ?? '')))
    return undefined;
  const cacheControl = headers['cache-control'];
  if (cacheControl !== undefined && /no-transform/i.test(String(cacheControl))) return undefined;
  return preferredEncoding(req.headers['accept-encoding']);
}
