import type { ServerResponse } from 'node:http';
import { type Span, trace } from '@opentelemetry/api';
import { spanOfResponse } from './http-spans.js';
import { tracer } from './state.js';

const idsOf = (span: Span | undefined) => {
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
};

/** The active span's ids for a log line; undefined when tracing is off or no span is active. */
export const activeSpanIds = () => (tracer() ? idsOf(trace.getActiveSpan()) : undefined);

/** The ids of a response's span (the gateway, which keeps no active context), or of the active one. */
export const responseSpanIds = (res: ServerResponse) =>
  tracer() ? idsOf(spanOfResponse(res) ?? trace.getActiveSpan()) : undefined;

/**
 * An error answer's `data` with the trace id in it, so a user's report of a 5xx leads to its trace:
 * merged into an object, in place of nothing; anything else (a list) is left as it is.
 */
export function withTraceId(data: unknown, res: ServerResponse): unknown {
  const ids = responseSpanIds(res);
  if (!ids) return data;
  if (data === null || data === undefined) return { trace_id: ids.traceId };
  if (typeof data === 'object' && !Array.isArray(data)) return { ...data, trace_id: ids.traceId };
  return data;
}
