import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';
import { AppError } from '../errors/app-error.js';

/** A 5xx answer or a failed connection: worth retrying, counts against the circuit. */
export class UpstreamFailure extends Error {}

/** What a caller sees of a call that failed: an open circuit, a timeout or a failed peer, as an AppError. */
export function upstreamError(service: string, error: unknown): unknown {
  if (error instanceof BrokenCircuitError) {
    return new AppError('UPSTREAM.CIRCUIT_OPEN', 503, `${service} is unavailable`);
  }
  if (error instanceof TaskCancelledError) {
    return new AppError('UPSTREAM.TIMEOUT', 504, `${service} did not answer in time`);
  }
  if (error instanceof UpstreamFailure) return new AppError('UPSTREAM.FAILED', 502, error.message);
  return error;
}
