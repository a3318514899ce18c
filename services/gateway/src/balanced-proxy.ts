import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ProxyHandler } from './proxy.js';

/** Told of a failure of one instance first: true when it took the request over. */
export type RefusalHandler = (
  instance: number,
  error: Error,
  req: IncomingMessage,
  res: ServerResponse | Socket,
) => boolean;

/** How long an instance that refused a connection is passed over (it is restarting, or gone). */
const SKIP_REFUSING_MS = 1_000;

/**
 * One service's instances behind one handler: round-robin, passing over an instance that refused a
 * connection in the last second. A request refused by an instance goes to the next one when it has no
 * body (its bytes were not consumed by the failed attempt); one with a body is answered 502 as before,
 * since part of it may be gone. A single instance is proxied directly: no cost added.
 */
export function balancedProxy(
  instances: readonly ((onRefused: RefusalHandler) => ProxyHandler)[],
): ProxyHandler {
  if (instances.length === 1) return instances[0]!(() => false);
  const count = instances.length;
  const skipUntil = new Array<number>(count).fill(0);
  // The instances already tried by a request that is being retried.
  const tried = new WeakMap<IncomingMessage, number>();
  let next = 0;

  const onRefused: RefusalHandler = (instance, error, req, res) => {
    if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED') return false;
    skipUntil[instance] = Date.now() + SKIP_REFUSING_MS;
    const attempts = (tried.get(req) ?? 1) + 1;
    if (attempts > count || hasBody(req) || !('setHeader' in res) || res.headersSent) return false;
    tried.set(req, attempts);
    const { index } = pick();
    void handlers[index]!(req, res, () => {});
    return true;
  };
  const handlers = instances.map((make) => make(onRefused));

  function pick() {
    const now = Date.now();
    for (let step = 0; step < count; step++) {
      const index = (next + step) % count;
      if (skipUntil[index]! <= now) {
        next = (index + 1) % count;
        return { index };
      }
    }
    // Every instance refused lately: try the next one anyway (one may be back).
    const index = next;
    next = (next + 1) % count;
    return { index };
  }

  return ((req: IncomingMessage, res: ServerResponse, done: (error?: unknown) => void) =>
    handlers[pick().index]!(req, res, done)) as ProxyHandler;
}

const hasBody = (req: IncomingMessage) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
