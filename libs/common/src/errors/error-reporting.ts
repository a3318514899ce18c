import { trace } from '@opentelemetry/api';
import { currentContext } from '../context/request-context.js';

/** What is known about where an error happened; every field is optional. */
export interface ErrorReportContext {
  service?: string;
  requestId?: string;
  status?: number;
  method?: string;
  path?: string;
  /** `uncaught exception`, `unhandled rejection`, … for process-level errors. */
  kind?: string;
}

/** The part of @sentry/node we use, so tests can stand in for it and nothing else is typed against it. */
export interface SentryLike {
  init(options: Record<string, unknown>): unknown;
  withScope(callback: (scope: SentryScope) => void): void;
  captureException(error: unknown): string;
  flush(timeoutMs?: number): PromiseLike<boolean>;
  close(timeoutMs?: number): PromiseLike<boolean>;
}

interface SentryScope {
  setTag(key: string, value: string): unknown;
  setExtra(key: string, value: unknown): unknown;
  addEventProcessor(processor: (event: { release?: string }) => { release?: string }): unknown;
}

export interface ErrorReportingOptions {
  /** `SENTRY_DSN`: without it nothing is loaded and `reportError` does nothing. */
  dsn?: string;
  service: string;
  /** The service's own version (its package.json), sent as the release `service@version`. */
  version: string;
  environment?: string;
  /** How @sentry/node is loaded (tests count the calls). */
  load?: () => Promise<SentryLike>;
}

let sentry: SentryLike | undefined;
let starting: Promise<SentryLike> | undefined;
// Several services share a process in `npm start`: each event names its own service's release.
const versions = new Map<string, string>();

const loadSentry = async () => (await import('@sentry/node')) as unknown as SentryLike;

/**
 * Starts reporting errors to Sentry when a DSN is given; resolves whether it did. @sentry/node is
 * imported only then, and initialised for error capture alone: no default integrations (they patch
 * http, undici and the console), no OpenTelemetry set-up of its own (tracing is ours), no ESM loader
 * hooks. Safe to call once per service in one process: the first call initialises.
 */
export async function startErrorReporting(options: ErrorReportingOptions): Promise<boolean> {
  if (!options.dsn) return false;
  versions.set(options.service, options.version);
  if (!starting) {
    const load = options.load ?? loadSentry;
    starting = load().then((module) => {
      module.init({
        dsn: options.dsn,
        release: `${options.service}@${options.version}`,
        environment: options.environment,
        defaultIntegrations: false,
        integrations: [],
        skipOpenTelemetrySetup: true,
        registerEsmLoaderHooks: false,
        sendDefaultPii: false,
      });
      sentry = module;
      return module;
    });
  }
  await starting;
  return true;
}

/** Hands an error to Sentry with its request id, trace id and release; nothing at all without a DSN. */
export function reportError(error: unknown, context: ErrorReportContext = {}): void {
  const client = sentry;
  if (!client) return;
  const ids = currentContext();
  const traceId = trace.getActiveSpan()?.spanContext().traceId ?? ids?.traceId;
  const requestId = context.requestId ?? ids?.requestId;
  client.withScope((scope) => {
    if (context.service) {
      scope.setTag('service', context.service);
      const version = versions.get(context.service);
      if (version) {
        const release = `${context.service}@${version}`;
        scope.addEventProcessor((event) => Object.assign(event, { release }));
      }
    }
    if (requestId) scope.setTag('request_id', requestId);
    if (traceId) scope.setTag('trace_id', traceId);
    if (context.status !== undefined) scope.setTag('status', String(context.status));
    if (context.kind) scope.setTag('kind', context.kind);
    if (context.method) scope.setExtra('method', context.method);
    if (context.path) scope.setExtra('path', context.path);
    client.captureException(error);
  });
}

/** True while errors are being reported (a process about to exit waits for `flushErrorReports`). */
export const errorReportingActive = () => sentry !== undefined;

/** Waits (at most `timeoutMs`) until the reports already made are sent. */
export async function flushErrorReports(timeoutMs = 2_000): Promise<void> {
  await sentry?.flush(timeoutMs);
}

/** Stops reporting (tests; a process exits without it). */
export async function stopErrorReporting(): Promise<void> {
  const client = sentry;
  sentry = undefined;
  starting = undefined;
  versions.clear();
  await client?.close(2_000);
}
