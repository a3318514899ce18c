import {
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
import type { InternalClientOptions } from './internal-client.js';
import { UpstreamFailure } from './upstream-failure.js';

/** The circuit breaker shared by all calls to one service, with a timeout per attempt; retries for idempotent calls. */
export function callPolicies(options: InternalClientOptions) {
  const { timeoutMs = 2_000, retries = 2 } = options;
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
  return { breaker, idempotentPolicy, oncePolicy };
}
