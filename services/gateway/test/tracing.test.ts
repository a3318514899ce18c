import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { eventually, testLogger } from '@sproul/common/testing';
import { startTracing, type Tracing } from '@sproul/common/tracing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';

const CLIENT_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN = '00f067aa0ba902b7';
const traceparent = `00-${CLIENT_TRACE}-${CLIENT_SPAN}-01`;

describe('gateway tracing', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing | undefined;
  let service: Server;
  let gateway: Awaited<ReturnType<typeof start>>;
  const store = new MemoryStore();
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    tracing = await startTracing({ service: 'gateway', exporter });
    service = createServer((req, res) => {
      seen.push(req.headers.traceparent as string | undefined);
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
    const config = loadConfig(configSchema, { PORT: '0', CATALOG_URL: url, AUTH_URL: url });
    gateway = await start({ config, logger: testLogger(), store });
  });
  afterAll(async () => {
    await gateway?.stop();
    service?.close();
    await store.close();
    await tracing?.shutdown();
  });

  const gatewaySpan = async () => {
    const span = await eventually(() => exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER));
    exporter.reset();
    return span;
  };

  it.each([
    ['the fast lane', '/api/catalog/tags', undefined],
    ['the express lane', '/api/user/login', JSON.stringify({ email: 'a@b.c', password: 'x' })],
  ])(
    "%s: the gateway's span continues the client's trace, and the service's request continues it",
    async (_lane, path, body) => {
      const answer = await fetch(`${gateway.url}${path}`, {
        method: body ? 'POST' : 'GET',
        body,
        headers: { traceparent, ...(body ? { 'content-type': 'application/json' } : {}) },
      });
      expect(answer.status).toBe(200);
      const span = await gatewaySpan();
      expect(span.spanContext().traceId).toBe(CLIENT_TRACE);
      expect(span.parentSpanContext?.spanId).toBe(CLIENT_SPAN);
      expect(seen.pop()).toBe(`00-${CLIENT_TRACE}-${span.spanContext().spanId}-01`);
    },
  );

  it("the gateway's own 502/503 carries the trace id in its data", async () => {
    service.closeAllConnections();
    await new Promise((resolve) => service.close(resolve));
    const answer = await fetch(`${gateway.url}/api/catalog/tags`, { headers: { traceparent } });
    // 503 (refused), or 502 if a kept-alive connection was cut under the request.
    expect([502, 503]).toContain(answer.status);
    expect((await answer.json()).data).toEqual({ service: 'catalog', trace_id: CLIENT_TRACE });
    expect((await gatewaySpan()).attributes['http.response.status_code']).toBe(answer.status);
  });
});
