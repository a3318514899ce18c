import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import { routingKeyOf } from '../events/define-event.js';
import type { EventEnvelope } from '../events/envelope.js';
import { tracer } from './state.js';

const routingKey = (envelope: EventEnvelope) => routingKeyOf(envelope.type, envelope.version);

const parentOf = (envelope: EventEnvelope): Context =>
  envelope.traceparent
    ? propagation.extract(ROOT_CONTEXT, { traceparent: envelope.traceparent })
    : ROOT_CONTEXT;

function traceparentOf(ctx: Context): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier.traceparent;
}

/**
 * Envelopes as the outbox stores them: each with the active span's `traceparent`, so the trace goes
 * on where the event is handled. The same array when tracing is off or no span is active.
 */
export function stampTraceparent(envelopes: EventEnvelope[]): EventEnvelope[] {
  if (!tracer() || !trace.getActiveSpan()) return envelopes;
  const traceparent = traceparentOf(context.active());
  if (!traceparent) return envelopes;
  return envelopes.map((envelope) => (envelope.traceparent ? envelope : { ...envelope, traceparent }));
}

const fail = (spans: Span[], error: unknown) => {
  for (const span of spans) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
  }
};

/**
 * The bus hop: a PRODUCER span per traced envelope, child of the span that appended it, ended when
 * the transport has it. `publish` gets the envelopes carrying the producer span's `traceparent`.
 */
export async function publishTraced(
  envelopes: EventEnvelope[],
  publish: (envelopes: EventEnvelope[]) => Promise<void>,
): Promise<void> {
  const t = tracer();
  if (!t || !envelopes.some((envelope) => envelope.traceparent)) return publish(envelopes);
  const spans: Span[] = [];
  const traced = envelopes.map((envelope) => {
    if (!envelope.traceparent) return envelope;
    const parent = parentOf(envelope);
    const span = t.startSpan(
      `publish ${routingKey(envelope)}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.operation.type': 'send',
          'messaging.destination.name': routingKey(envelope),
          'messaging.message.id': envelope.id,
        },
      },
      parent,
    );
    spans.push(span);
    return { ...envelope, traceparent: traceparentOf(trace.setSpan(parent, span)) ?? envelope.traceparent };
  });
  try {
    await publish(traced);
  } catch (error) {
    fail(spans, error);
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/**
 * Handles a run of envelopes under CONSUMER spans, one per envelope, each a child of its envelope's
 * `traceparent`. A handler takes a run at once, and runs in one trace's context: the run is cut where
 * the trace changes (only while tracing is on), so the handler's own calls and events join the trace
 * of the events that caused them.
 */
export async function consumeTraced(
  consumer: string,
  envelopes: EventEnvelope[],
  handle: (envelopes: EventEnvelope[]) => Promise<void>,
): Promise<void> {
  const t = tracer();
  if (!t) return handle(envelopes);
  for (const run of runsOfOneTrace(envelopes)) {
    const spans = run.map((envelope) => consumerSpan(t, consumer, envelope));
    try {
      await context.with(trace.setSpan(parentOf(run[0]!), spans[0]!), () => handle(run));
    } catch (error) {
      fail(spans, error);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }
}

/**
 * One event handled outside the kernel's inbox handlers (the mailer's deliveries): `handle` runs in a
 * CONSUMER span, child of the envelope's `traceparent`. Just `handle()` when tracing is off.
 */
export async function consumeOneTraced<T>(
  consumer: string,
  envelope: EventEnvelope,
  handle: () => Promise<T>,
): Promise<T> {
  const t = tracer();
  if (!t) return handle();
  const span = consumerSpan(t, consumer, envelope);
  try {
    return await context.with(trace.setSpan(parentOf(envelope), span), handle);
  } catch (error) {
    fail([span], error);
    throw error;
  } finally {
    span.end();
  }
}

const consumerSpan = (t: Tracer, consumer: string, envelope: EventEnvelope) =>
  t.startSpan(
    `process ${routingKey(envelope)}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.destination.name': routingKey(envelope),
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': envelope.id,
      },
    },
    parentOf(envelope),
  );

function runsOfOneTrace(envelopes: EventEnvelope[]): EventEnvelope[][] {
  const runs: EventEnvelope[][] = [];
  for (const envelope of envelopes) {
    const last = runs.at(-1);
    if (last && last[0]!.traceparent === envelope.traceparent) last.push(envelope);
    else runs.push([envelope]);
  }
  return runs;
}
