import { Agent } from 'undici';
import { callPolicies } from './call-policies.js';
import { circuitCreated } from './circuit-metrics.js';
import { sendRequest } from './send-request.js';
import { upstreamError } from './upstream-failure.js';

export interface InternalClientOptions {
  /** Name of the called service, for errors and logs. */
  service: string;
  baseUrl: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts for idempotent calls. */
  retries?: number;
  /** Consecutive failures that open the circuit, and how long it stays open before one trial call. */
  breakAfter?: number;
  halfOpenAfterMs?: number;
}

export interface InternalResponse<T> {
  status: number;
  body: T;
}

/**
 * Service-to-service HTTP: keep-alive connections, a timeout per attempt, retries with jittered
 * exponential back-off for idempotent calls only, and a circuit breaker so a dead peer costs callers
 * nothing but a fast 503. Request and correlation ids travel along.
 */
export function createInternalClient(options: InternalClientOptions) {
  const { service, baseUrl } = options;
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const { breaker, idempotentPolicy, oncePolicy } = callPolicies(options);
  circuitCreated({
    upstream: service,
    get state() {
      return breaker.state;
    },
  });

  async function send<T>(
    method: string,
    path: string,
    body: unknown,
    idempotent: boolean,
  ): Promise<InternalResponse<T>> {
    const policy = idempotent ? idempotentPolicy : oncePolicy;
    try {
      // A signal of our own per call: without one, cockatiel links every call's timeout to one shared
      // never-aborted signal, which collects a listener per concurrent call (and node's leak warning).
      return await policy.execute(
        async ({ signal }) => sendRequest<T>(agent, service, new URL(path, baseUrl), method, body, signal),
        new AbortController().signal,
      );
    } catch (error) {
      throw upstreamError(service, error);
    }
  }

  return {
    get: <T>(path: string) => send<T>('GET', path, undefined, true),
    post: <T>(path: string, body: unknown, { idempotent = false } = {}) =>
      send<T>('POST', path, body, idempotent),
    put: <T>(path: string, body: unknown) => send<T>('PUT', path, body, true),
    delete: <T>(path: string) => send<T>('DELETE', path, undefined, true),
    /** Observed by readiness and tests. */
    get circuitState() {
      return breaker.state;
    },
    close: () => agent.close(),
  };
}

export type InternalClient = ReturnType<typeof createInternalClient>;
