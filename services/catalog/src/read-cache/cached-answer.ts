import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { strongEtag } from '@sproul/common/http';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Answers smaller than this go out as they are: compressing them costs more than it saves. */
export const COMPRESSION_THRESHOLD = 1024;

export type Encoding = 'br' | 'gzip';

/**
 * One answer as it goes out: the bytes, their strong ETag, and the compressed forms, each made once
 * (on the first request that accepts it; the catalog's own thread pool compresses, not the event loop)
 * and kept as long as the answer. Made on the first request after a change, never per request.
 */
export interface CachedAnswer {
  status: number;
  /** Content-Type, Location, Content-Disposition… (lower-case names). */
  headers: Readonly<Record<string, string>>;
  body: Buffer;
  /** Strong ETag of the identity body; the compressed forms carry their own (`"<tag>.br"`), as RFC 9110 wants. */
  etag: string;
  /** Seconds browsers and shared caches may keep it (Cache-Control max-age) when anonymous. */
  maxAgeS: number;
  /** Sent compressed to callers that accept it (JSON or text of 1 KB or more). */
  compressible: boolean;
  /** The compressed body for an encoding; undefined when the answer is sent as it is. */
  encoded(encoding: Encoding): Promise<Buffer> | undefined;
  /** Called each time it is served, from memory or not (the catalog's search count). */
  onServe?: () => void;
  /** What it is about (a club's id), for work a route still does per request (a student's visit). */
  about?: string;
  /** Kept this long at most (see `Sized`). */
  ttlMs?: number;
  /**
   * Memory it holds, for the cache's size bound: counted when stored, so compressed forms (made later)
   * are counted ahead as half the body (together they are less for JSON and text: ~10-25 %).
   */
  readonly bytes: number;
}

export interface AnswerParts {
  status?: number;
  headers: Record<string, string>;
  body: string | Buffer;
  maxAgeS?: number;
  onServe?: () => void;
  about?: string;
  ttlMs?: number;
}

/** Browsers and CDNs may keep an anonymous catalog answer this long (changes show within seconds). */
export const DEFAULT_MAX_AGE_S = 5;

const COMPRESSIBLE = /^(application\/json|text\/)/i;

export function cachedAnswer({
  status = 200,
  headers,
  body,
  maxAgeS,
  onServe,
  about,
  ttlMs,
}: AnswerParts): CachedAnswer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const compressible =
    bytes.length >= COMPRESSION_THRESHOLD && COMPRESSIBLE.test(headers['content-type'] ?? '');
  const forms: Partial<Record<Encoding, Promise<Buffer>>> = {};
  // Brotli 9 and gzip 9: each form is made once per change and sent many times, so the smallest wins.
  const compress = (encoding: Encoding) =>
    encoding === 'br'
      ? brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
      : gzipped(bytes, { level: 9 });
  return {
    status,
    headers,
    body: bytes,
    etag: strongEtag(bytes),
    compressible,
    maxAgeS: maxAgeS ?? DEFAULT_MAX_AGE_S,
    encoded(encoding) {
      if (!compressible) return undefined;
      forms[encoding] ??= compress(encoding);
      return forms[encoding];
    },
    onServe,
    about,
    ttlMs,
    bytes: Math.ceil(bytes.length * (compressible ? 1.5 : 1)) + 256,
  };
}

/** The JSON answer a route would have sent with `res.json`. */
export const jsonAnswer = (value: unknown, options: Omit<AnswerParts, 'headers' | 'body'> = {}) =>
  cachedAnswer({
    ...options,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  });

/** The ETag of an answer in an encoding: a different representation has a different strong validator. */
export const etagFor = (answer: CachedAnswer, encoding: Encoding | undefined) =>
  encoding ? `${answer.etag.slice(0, -1)}.${encoding === 'br' ? 'br' : 'gz'}"` : answer.etag;

/** The tags of every representation of an answer a caller may hold. */
export const allEtags = (answer: CachedAnswer) => [
  answer.etag,
  etagFor(answer, 'br'),
  etagFor(answer, 'gzip'),
];
