import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { chooseEncoding } from './answer-encoding.js';
import { endToEndHeaders, writeAnswerHead } from './answer-head.js';
import { GATHERED_ANSWER_BYTES, sendGathered } from './gathered-answer.js';

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
  const headers = endToEndHeaders(answer);
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
