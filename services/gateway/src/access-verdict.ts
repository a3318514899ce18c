import type { IncomingHttpHeaders } from 'node:http';
import type { ServiceName } from './route-table.js';

/** What the policy reads of a request: either lane builds it from what it has, without copying headers. */
export interface RequestView {
  /** The path as sent, without the query (express's `req.path`). */
  path: string;
  headers: IncomingHttpHeaders;
}

/** Name/value pairs, names lower-case, as `writeAnswerHead` takes them. */
export type HeaderPairs = readonly string[];

export type Verdict =
  /** Not a service's route: one of the gateway's own pages, or its 404. */
  | { own: true }
  /** Answered by the gateway with this status and the error envelope of `reason`; no service sees it. */
  | { reject: { status: number; reason: string } }
  /** Streamed to `service`; its answer goes out with `headers` added (those it did not set itself). */
  | { forward: { service: ServiceName; headers: HeaderPairs } };

export const OWN: Verdict = { own: true };
export const BAD_PATH: Verdict = { reject: { status: 400, reason: 'Bad request path' } };
export const TOO_LARGE: Verdict = { reject: { status: 413, reason: 'Request body is too large' } };
