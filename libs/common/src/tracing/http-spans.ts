import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { tracer } from './state.js';

const SPAN = Symbol('sproul.span');
type WithSpan = ServerResponse & { [SPAN]?: Span };

/** The server span a response belongs to (`startServerSpan`), when tracing is on. */
export const spanOfResponse = (res: ServerResponse): Span | undefined => (res as WithSpan)[SPAN];

export interface ServerSpanOptions {
  /** The service answering, or (gateway) the one proxied to. */
  service: string;
  /** Epoch milliseconds the request arrived, when measured before the span starts. */
  startTime?: number;
}

/**
 * A SERVER span for one request, child of the caller's `traceparent` (W3C) when it sent one, kept on
 * the response and ended when the response closes, with its status. Call only when `tracingOn()`.
 */
export function startServerSpan(req: IncomingMessage, res: ServerResponse, options: ServerSpanOptions): Span {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const span = tracer()!.startSpan(
    `${req.method} ${options.service}`,
    {
      kind: SpanKind.SERVER,
      startTime: options.startTime,
      attributes: {
        'http.request.method': req.method ?? 'GET',
        // The path only: query strings can carry single-use secrets.
        'url.path': query === -1 ? url : url.slice(0, query),
        'sproul.service': options.service,
      },
    },
    parent,
  );
  (res as WithSpan)[SPAN] = span;
  res.once('close', () => {
    const route = (req as { route?: { path?: unknown }; baseUrl?: string }).route?.path;
    if (typeof route === 'string') {
      span.updateName(`${req.method} ${(req as { baseUrl?: string }).baseUrl ?? ''}${route}`);
      span.setAttribute('http.route', route);
    }
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    if (!res.writableFinished) span.setAttribute('sproul.aborted', true);
    span.end();
  });
  return span;
}

/** Runs `next` with the response's span active (its logs, calls and events continue the trace). */
export const inSpanOf = (span: Span, next: () => void) =>
  context.with(trace.setSpan(context.active(), span), next);

/** `traceparent` (and `tracestate`) for a request made on behalf of `span`. */
export function traceHeaders(span: Span): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), headers);
  return headers;
}

/** A CLIENT span for one outgoing attempt; `headers` carry it to the service called. */
export interface ClientSpan {
  headers: Record<string, string>;
  end(status?: number, error?: unknown): void;
}

/** Undefined when tracing is off. */
export function startClientSpan(service: string, method: string, url: URL): ClientSpan | undefined {
  const t = tracer();
  if (!t) return undefined;
  const span = t.startSpan(`${method} ${service}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'http.request.method': method,
      'server.address': url.hostname,
      'server.port': Number(url.port) || 80,
      'url.path': url.pathname,
      'sproul.peer': service,
    },
  });
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return {
    headers,
    end(status, error) {
      if (status !== undefined) span.setAttribute('http.response.status_code', status);
      if (error !== undefined) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
      } else if (status !== undefined && status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}
