import { type DestinationStream, type Logger, pino } from 'pino';
import { currentContext } from '../context/request-context.js';
import { activeSpanIds } from '../tracing/log-fields.js';

export type { DestinationStream, Logger };

/**
 * JSON logs; every line written inside a request or message handler carries its ids. To stdout unless
 * `destination` is given (a harness that reads what the platform logs, as the fuzzer does).
 */
export function createLogger(service: string, level = 'info', destination?: DestinationStream): Logger {
  const options = { level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime, mixin: logLineIds };
  return destination ? pino(options, destination) : pino(options);
}

/** The ids a log line carries: the request's or event's, and the active span's while tracing. */
export function logLineIds(): Record<string, string> {
  const context = currentContext();
  const span = activeSpanIds();
  if (!context) return span ?? {};
  return { requestId: context.requestId, correlationId: context.correlationId, ...span };
}
