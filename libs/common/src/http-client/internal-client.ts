import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  circuitBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  TaskCancelledError,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import { Agent, request } from 'undici';
import { currentContext } from '../context/request-context.js';
import { AppError } from '../errors/app-error.js';
import { CORRELATION_ID_HEADER, REQUEST_ID_HEADER } from '../http/request-id.js';

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

/** A 5xx answer or a failed connection: worth retrying, counts against the circuit. */
class UpstreamFailure extends Error {}

/**
 * Service-to-service HTTP: keep-alive connections, a timeout per attempt, retries with jittered
 * exponential back-off for idempotent calls only, and a circuit breaker so a dead peer costs callers
 * nothing but a fast 503. Request and correlation ids travel along.
 */
export function createInternalClient(options: InternalClientOptions) {
  const { service, baseUrl, timeoutMs = 2_000, retries = 2 } = options;
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const retryable = handleWhen(
    (error) => error instanceof UpstreamFailure || error instanceof TaskCancelledError,
  );
  const breaker = circuitBreaker(retryable, {
    halfOpenAfter: options.halfOpenAfterMs ?? 5_000,
    breaker: new ConsecutiveBreaker(options.breakAfter ?? 5),
  });
  const perAttempt = timeout(timeoutMs, TimeoutStrategy.Aggressive);
  const retrying = retry(retryable, {
    maxAttempts: retries,
    backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 500 }),
  });
  const idempotentPolicy = wrap(retrying, breaker, perAttempt);
  const oncePolicy = wrap(breaker, perAttempt);

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
      return await policy.execute(async ({ signal }) => {
        const context = currentContext();
        let response: Awaited<ReturnType<typeof request>>;
        try {
          response = await request(new URL(path, baseUrl), {
            method: method as 'GET',
            dispatcher: agent,
            signal,
            headers: {
              accept: 'application/json',
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...(context
                ? { [REQUEST_ID_HEADER]: context.requestId, [CORRELATION_ID_HEADER]: context.correlationId }
                : {}),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
        } catch (error) {
          if (signal.aborted) throw error;
          throw new UpstreamFailure(`${service} unreachable: ${(error as Error).message}`);
        }
        const text = await response.body.text();
        if (response.statusCode >= 500)
          throw new UpstreamFailure(`${service} answered ${response.statusCode}`);
        return { status: response.statusCode, body: (text ? JSON.parse(text) : null) as T };
      }, new AbortController().signal);
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new AppError('UPSTREAM.CIRCUIT_OPEN', 503, `${service} is unavailable`);
      }
      if (error instanceof TaskCancelledError) {
        throw new AppError('UPSTREAM.TIMEOUT', 504, `${service} did not answer in time`);
      }
      if (error instanceof UpstreamFailure) throw new AppError('UPSTREAM.FAILED', 502, error.message);
      throw error;
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
