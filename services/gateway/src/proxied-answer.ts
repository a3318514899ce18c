import type { ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER } from '@sproul/common/http';

/**
 * What the gateway knows of a request it is proxying, kept on the response until the service answers:
 * when it left, its request id, and (fast lane) the headers the gateway adds to the answer. Holding the
 * headers here rather than calling `setHeader` for each means they are checked and written once, with
 * the service's, when the answer's head goes out: `setHeader` validates and stores every header, and
 * node validates and merges them again when the head is written (`npm run bench:gateway`).
 */
export interface ProxiedAnswer {
  started: number;
  requestId: string;
  /** Name/value pairs, names lower-case; a header the service sent itself wins over the gateway's. */
  headers: readonly string[];
}

const RECORD = Symbol('sproul.proxiedAnswer');
type WithRecord = ServerResponse & { [RECORD]?: ProxiedAnswer };

export function attachProxiedAnswer(res: ServerResponse, record: ProxiedAnswer) {
  (res as WithRecord)[RECORD] = record;
}

/** The record for this response; the express lane's requests get one from what is already on `res`. */
export function proxiedAnswer(res: ServerResponse): ProxiedAnswer {
  let record = (res as WithRecord)[RECORD];
  if (!record) {
    record = { started: performance.now(), requestId: String(res.getHeader(REQUEST_ID_HEADER)), headers: [] };
    (res as WithRecord)[RECORD] = record;
  }
  return record;
}
