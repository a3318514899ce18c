import { errorReportingActive, flushErrorReports, reportError } from '../errors/error-reporting.js';
import type { Logger } from './logger.js';

/**
 * A promise nobody awaited that rejects, or an exception nobody caught, leaves the process in a state
 * nobody planned for: log it as fatal and exit non-zero, so the supervisor (npm run stack, docker,
 * Kubernetes) starts a clean one. Node's default would exit too, but without our log line (nor the
 * Sentry report, when SENTRY_DSN is set).
 */
export function installProcessGuards(logger: Logger, exit: (code: number) => void = process.exit) {
  const fail = (kind: string) => (error: unknown) => {
    logger.fatal({ err: error, kind }, `${kind}: exiting`);
    logger.flush?.();
    if (!errorReportingActive()) {
      exit(70); // EX_SOFTWARE
      return;
    }
    // Sentry sends in the background: give the report a moment to leave before the process does.
    reportError(error, { kind, service: logger.bindings().service });
    void flushErrorReports(2_000).finally(() => exit(70));
  };
  const onRejection = fail('unhandled rejection');
  const onException = fail('uncaught exception');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
