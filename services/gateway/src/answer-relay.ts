import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/** Answers smaller than this go out as they are: compressing them costs more than it saves. */
export const COMPRESSION_THRESHOLD = 1024;
/** Uncompressed answers of known length up to this are sent with their head in one write (sendGathered). */
const GATHERED_ANSWER_BYTES = 16 * 1024;

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
// Types worth compressing; event streams are text but must flow out as written.
const COMPRESSIBLE =
  /^(application\/(json|[\w.+-]+\+json|javascript|xml|[\w.+-]+\+xml)|text\/(?!event-stream)|image\/svg)/i;

/**
 * Sends a service's answer on to the client: status and end-to-end headers as they came (with the
 * gateway's own `added` name/value pairs where the service did not send the same header), the body
 * streamed, and compressed (brotli at quality 4, or gzip, as the client prefers) when it is of a
 * compressible type and 1 KB or more (or of unknown length), as upstream's Flask-Compress did.
 * Brotli's default quality (11) is meant for static files and costs a catalog page tens of ms.
 */
export function relayAnswer(
  answer: IncomingMessage,
  req: IncomingMessage,
  res: ServerResponse,
  added: readonly string[],
  /** Answers the client when an answer breaks off before any of it went out (gathered or compressed). */
  cutShort: () => void,
) {
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
  const status = answer.statusCode ?? 502;
  const encoding = chooseEncoding(answer, req, headers);
  if (!encoding) {
    const length = headers['content-length'];
    if (length !== undefined && Number(length) <= GATHERED_ANSWER_BYTES) {
      sendGathered(answer, res, () => writeAnswerHead(res, status, headers, added), cutShort);
      return;
    }
    writeAnswerHead(res, status, headers, added);
    // pipe, not pipeline: pipeline builds an AbortController and an AbortError per call, which cost
    // the small answers (most of them) 6 % of the gateway's CPU. Teardown is wired by hand instead.
    answer.once('error', () => res.destroy());
    res.once('close', () => {
      if (!answer.complete) answer.destroy();
    });
    answer.pipe(res);
    return;
  }
  delete headers['content-length'];
  headers['content-encoding'] = encoding;
  headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  const compressor =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 4 } })
      : createGzip({ level: 6 });
  // The head goes out with the first compressed bytes (registered before the pipe, so it runs first).
  // A compressor holds its output until it has enough, so a service dying before that has sent the
  // client nothing: it gets the gateway's 502 (or 504), rather than a connection closed without an answer.
  let headWritten = false;
  compressor.once('data', () => {
    headWritten = true;
    writeAnswerHead(res, status, headers, added);
  });
  pipeline(answer, compressor, (error) => {
    if (!error) return;
    if (headWritten || res.destroyed) res.destroy();
    else cutShort();
  });
  res.once('close', () => {
    if (!answer.complete) answer.destroy();
  });
  compressor.pipe(res);
}

/**
 * A small answer of known length (most of them: JSON of a few KB, in one segment with its head) is
 * gathered and written with its head in one write. Piped, it takes a listener set-up and teardown per
 * answer and goes out as two buffers (head, then body) through a corked writev; paired runs: about
 * 2.5 % of the gateway's CPU per proxied request. The body is kept as latin1, one char per byte, so
 * its bytes go out exactly as they came (and node joins a string body to the head). An answer cut
 * short (the service died, or stalled past the route's timeout) has sent nothing yet, so `cutShort`
 * can still answer the client properly.
 */
function sendGathered(
  answer: IncomingMessage,
  res: ServerResponse,
  writeHead: () => void,
  cutShort: () => void,
) {
  const chunks: Buffer[] = [];
  let settled = false;
  answer.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
  });
  answer.once('end', () => {
    settled = true;
    writeHead();
    // Most answers arrive as one chunk. (setEncoding would decode each chunk through a StringDecoder.)
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    res.end(body.toString('latin1'), 'latin1');
  });
  answer.once('error', () => {}); // a reset; 'close' follows and reports it
  answer.once('close', () => {
    if (settled || res.destroyed) return;
    settled = true;
    cutShort();
  });
  res.once('close', () => {
    if (!answer.complete) answer.destroy();
  });
}

function chooseEncoding(
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
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (!accepted) return undefined;
  if (acceptsEncoding(accepted, 'br')) return 'br';
  if (acceptsEncoding(accepted, 'gzip')) return 'gzip';
  return undefined;
}

/** `gzip, br;q=0` offers gzip only: an encoding with q=0 is refused, per RFC 9110 §12.5.3. */
function acceptsEncoding(header: string, encoding: string): boolean {
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== encoding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
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
