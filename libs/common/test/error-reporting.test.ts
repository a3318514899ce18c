import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { type Context, type ContextManager, context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  flushErrorReports,
  reportError,
  type SentryLike,
  startErrorReporting,
  stopErrorReporting,
} from '../src/errors/error-reporting.js';
import { createHttpApp } from '../src/http/create-app.js';
import { installProcessGuards } from '../src/logging/process-guards.js';
import { eventually, testLogger } from '../src/testing/index.js';

interface Envelope {
  path: string;
  items: Record<string, unknown>[];
}

/** A stand-in for sentry.io: keeps every envelope posted to /api/<project>/envelope/. */
async function fakeSentry() {
  const envelopes: Envelope[] = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks);
    if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    const lines = body.toString('utf8').split('\n').filter(Boolean);
    envelopes.push({ path: req.url ?? '', items: lines.map((line) => JSON.parse(line)) });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const events = () =>
    envelopes.flatMap((envelope) => envelope.items.filter((item) => item.event_id && item.exception));
  return { dsn: `http://public@127.0.0.1:${port}/42`, envelopes, events, close: () => server.close() };
}

function boomApp() {
  return createHttpApp({
    service: 'demo',
    logger: testLogger(),
    routes(app) {
      app.get('/api/boom', () => {
        throw new Error('kaboom');
      });
      app.get('/api/missing', (_req, res) => {
        res.status(404).json({ status: 'error', reason: 'nope', data: null });
      });
    },
  }).app;
}

describe('error reporting without SENTRY_DSN', () => {
  it('never loads @sentry/node and answers 5xx as before', async () => {
    const load = vi.fn(async () => ({}) as SentryLike);
    expect(await startErrorReporting({ service: 'demo', version: '1.2.3', load })).toBe(false);
    expect(await startErrorReporting({ dsn: '', service: 'demo', version: '1.2.3', load })).toBe(false);
    await request(boomApp()).get('/api/boom').expect(500);
    expect(load).not.toHaveBeenCalled();
  });
});

describe('error reporting to Sentry', () => {
  let sentry: Awaited<ReturnType<typeof fakeSentry>>;
  beforeAll(async () => {
    sentry = await fakeSentry();
    await startErrorReporting({ dsn: sentry.dsn, service: 'demo', version: '1.2.3', environment: 'test' });
  });
  afterAll(async () => {
    await stopErrorReporting();
    sentry.close();
  });

  it('sends one event per 5xx with the request id, status and release; none for a 4xx', async () => {
    const app = boomApp();
    await request(app).get('/api/missing').expect(404);
    await request(app).get('/api/boom').set('x-request-id', 'req-boom-1').expect(500);
    const [event] = await eventually(() => (sentry.events().length > 0 ? sentry.events() : undefined));
    // Whatever was captured has left once the flush resolves: a wrongly reported 404 would be here.
    await flushErrorReports(5_000);
    expect(sentry.events()).toHaveLength(1);
    expect(sentry.envelopes[0]!.path.split('?')[0]).toBe('/api/42/envelope/');
    expect(event).toMatchObject({
      release: 'demo@1.2.3',
      environment: 'test',
      tags: { request_id: 'req-boom-1', service: 'demo', status: '500' },
    });
    expect(JSON.stringify(event)).toContain('kaboom');
  });

  it('reports an unhandled rejection before the process exits', async () => {
    const exits: number[] = [];
    const uninstall = installProcessGuards(testLogger(), (code) => exits.push(code));
    try {
      process.emit('unhandledRejection', new Error('nobody caught me'), Promise.resolve());
      await eventually(() => exits.length > 0);
    } finally {
      uninstall();
    }
    expect(exits).toEqual([70]);
    const event = sentry.events().find((item) => JSON.stringify(item).includes('nobody caught me'));
    expect(event).toMatchObject({ tags: { kind: 'unhandled rejection' } });
  });
});

/** Just enough of a context manager for `context.with` to make a span active (synchronously). */
class SyncContextManager implements ContextManager {
  private current: Context = ROOT_CONTEXT;
  active = () => this.current;
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const before = this.current;
    this.current = ctx;
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.current = before;
    }
  }
  bind = <T>(_ctx: Context, target: T) => target;
  enable = () => this;
  disable = () => this;
}

describe('error reporting inside a trace', () => {
  let sentry: Awaited<ReturnType<typeof fakeSentry>>;
  beforeAll(async () => {
    sentry = await fakeSentry();
    await startErrorReporting({ dsn: sentry.dsn, service: 'demo', version: '1.2.3' });
    context.setGlobalContextManager(new SyncContextManager());
  });
  afterAll(async () => {
    context.disable();
    await stopErrorReporting();
    sentry.close();
  });

  it("tags the event with the active span's trace id", async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const span = trace.wrapSpanContext({ traceId, spanId: 'b7ad6b7169203331', traceFlags: 1 });
    context.with(trace.setSpan(context.active(), span), () =>
      reportError(new Error('traced failure'), { service: 'demo' }),
    );
    const event = await eventually(() =>
      sentry.events().find((item) => JSON.stringify(item).includes('traced failure')),
    );
    expect(event).toMatchObject({ release: 'demo@1.2.3', tags: { trace_id: traceId, service: 'demo' } });
  });
});
