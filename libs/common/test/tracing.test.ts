import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import type { EventEnvelope } from '../src/events/envelope.js';
import { makeEvent } from '../src/events/make-event.js';
import { createHttpApp } from '../src/http/create-app.js';
import { createInternalClient } from '../src/http-client/internal-client.js';
import { logLineIds } from '../src/logging/logger.js';
import { testLogger } from '../src/testing/index.js';
import { infraAvailable } from '../src/testing/infra.js';
import { eventually } from '../src/testing/wait.js';
import { activeSpanIds, startTracing, type Tracing } from '../src/tracing/index.js';
import {
  openHarness,
  outboxWithRelay,
  recordEffects,
  type TransportKind,
  uniqueQueue,
} from './fixtures/harness.js';

const exporter = new InMemorySpanExporter();
let tracing: Tracing | undefined;
beforeAll(async () => {
  tracing = await startTracing({ service: 'tracing-test', exporter });
});
afterAll(() => tracing?.shutdown());

const spansOf = (traceId: string) =>
  exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('tracing over HTTP', () => {
  let server: Server;
  let base: string;
  let seenInRoute: Record<string, string> | undefined;

  beforeAll(async () => {
    const { app } = createHttpApp({
      service: 'peer',
      logger: testLogger(),
      routes(app) {
        app.get('/ping', (_req, res) => {
          seenInRoute = logLineIds();
          res.json({ ok: true });
        });
        app.get('/boom', () => {
          throw new Error('boom');
        });
      },
    });
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('the internal client injects its span, which the kernel app continues', async () => {
    const client = createInternalClient({ service: 'peer', baseUrl: base });
    const tracer = trace.getTracer('test');
    const traceId = await tracer.startActiveSpan('caller', async (caller) => {
      await client.get('/ping');
      caller.end();
      return caller.spanContext().traceId;
    });
    await client.close();
    await eventually(() => spansOf(traceId).some((s) => s.kind === SpanKind.SERVER));
    const spans = spansOf(traceId);
    const caller = spans.find((s) => s.name === 'caller')!;
    const clientSpan = spans.find((s) => s.kind === SpanKind.CLIENT)!;
    const serverSpan = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(parentOf(clientSpan)).toBe(caller.spanContext().spanId);
    expect(parentOf(serverSpan)).toBe(clientSpan.spanContext().spanId);
    expect(serverSpan.name).toBe('GET /ping');
    expect(serverSpan.attributes['http.response.status_code']).toBe(200);
    // What the route's log lines carry.
    expect(seenInRoute).toMatchObject({ traceId, spanId: serverSpan.spanContext().spanId });
    expect(seenInRoute?.requestId).toBeDefined();
  });

  it("a 5xx answer's data carries the trace id of its span", async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const answer = await fetch(`${base}/boom`, { headers: { traceparent } });
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({
      status: 'error',
      reason: 'Internal server error',
      data: { trace_id: '0af7651916cd43dd8448eb211c80319c' },
    });
  });
});

describe.each(['in-process', 'durable in-process', 'rabbitmq'] as TransportKind[])(
  'tracing through the outbox over %s',
  async (kind) => {
    const available = await infraAvailable(
      ...(kind === 'rabbitmq' ? (['postgres', 'rabbitmq'] as const) : []),
    );

    it.skipIf(!available)(
      'the consumer continues the trace of the span that appended the event',
      async () => {
        const harness = await openHarness(kind);
        const { outbox, relay } = outboxWithRelay(harness, 5_000);
        const queue = uniqueQueue('tracing');
        const handled: { event: EventEnvelope; ids: ReturnType<typeof activeSpanIds> }[] = [];
        const subscription = await recordEffects(harness, queue, (event) =>
          handled.push({ event, ids: activeSpanIds() }),
        );
        relay.start();
        try {
          const event = makeEvent(
            UserRegisteredV1,
            { userId: 'u1', email: 'u1@berkeley.edu', role: 'officer', name: 'u1', club: null },
            'tracing-test',
          );
          const traceId = await trace.getTracer('test').startActiveSpan('register', async (span) => {
            await outbox.transaction((tx) => outbox.append(tx, [event]));
            span.end();
            return span.spanContext().traceId;
          });
          await eventually(() => handled.length === 1, 10_000);
          const [{ event: received, ids }] = handled as [(typeof handled)[0]];
          expect(received.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
          expect(ids?.traceId).toBe(traceId);
          await eventually(() => spansOf(traceId).some((s) => s.kind === SpanKind.CONSUMER));
          const spans = spansOf(traceId);
          const root = spans.find((s) => s.name === 'register')!;
          const producer = spans.find((s) => s.kind === SpanKind.PRODUCER)!;
          const consumer = spans.find((s) => s.kind === SpanKind.CONSUMER)!;
          expect(parentOf(producer)).toBe(root.spanContext().spanId);
          expect(parentOf(consumer)).toBe(producer.spanContext().spanId);
          expect(consumer.name).toBe('process user.registered.v1');
          expect(consumer.attributes['messaging.consumer.group.name']).toBe(queue);
          expect(ids?.spanId).toBe(consumer.spanContext().spanId);
        } finally {
          await relay.stop();
          await subscription.cancel();
          await harness.close();
        }
      },
    );
  },
);
