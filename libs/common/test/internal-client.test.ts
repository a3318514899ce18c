import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext } from '../src/context/request-context.js';
import { createInternalClient } from '../src/http-client/internal-client.js';

describe('internal HTTP client', () => {
  let server: Server;
  let base: string;
  const calls: Record<string, number> = {};
  const seenHeaders: Record<string, string | undefined> = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '';
      calls[path] = (calls[path] ?? 0) + 1;
      seenHeaders[path] = req.headers['x-correlation-id'] as string | undefined;
      res.setHeader('content-type', 'application/json');
      if (path === '/flaky' && calls[path] === 1) {
        res.statusCode = 503;
        return res.end('{}');
      }
      if (path === '/always-500' || path === '/post-500') {
        res.statusCode = 500;
        return res.end('{}');
      }
      if (path === '/slow') return setTimeout(() => res.end('{"late":true}'), 1_000);
      if (path === '/missing') {
        res.statusCode = 404;
        return res.end('{"status":"error","reason":"nope","data":null}');
      }
      res.end(JSON.stringify({ ok: true, path }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('retries an idempotent call that failed with a 5xx, and passes the correlation id', async () => {
    const client = createInternalClient({ service: 'peer', baseUrl: base });
    const res = await runWithContext({ requestId: 'r1', correlationId: 'corr-1' }, () =>
      client.get('/flaky'),
    );
    expect(res).toEqual({ status: 200, body: { ok: true, path: '/flaky' } });
    expect(calls['/flaky']).toBe(2);
    expect(seenHeaders['/flaky']).toBe('corr-1');
  });

  it('does not retry a non-idempotent call', async () => {
    const client = createInternalClient({ service: 'peer', baseUrl: base });
    await expect(client.post('/post-500', { a: 1 })).rejects.toMatchObject({ status: 502 });
    expect(calls['/post-500']).toBe(1);
  });

  it('returns 4xx answers to the caller as they are', async () => {
    const client = createInternalClient({ service: 'peer', baseUrl: base });
    const res = await client.get('/missing');
    expect(res.status).toBe(404);
  });

  it('gives up on a slow peer after the timeout with a 504', async () => {
    const client = createInternalClient({ service: 'peer', baseUrl: base, timeoutMs: 100, retries: 0 });
    const started = Date.now();
    await expect(client.get('/slow')).rejects.toMatchObject({ status: 504 });
    expect(Date.now() - started).toBeLessThan(600);
  });

  it('opens the circuit after repeated failures, then fails fast with 503 without calling', async () => {
    const client = createInternalClient({
      service: 'peer',
      baseUrl: base,
      retries: 0,
      breakAfter: 3,
      halfOpenAfterMs: 60_000,
    });
    for (let i = 0; i < 3; i++)
      await expect(client.get('/always-500')).rejects.toMatchObject({ status: 502 });
    const before = calls['/always-500'];
    await expect(client.get('/always-500')).rejects.toMatchObject({ status: 503 });
    expect(calls['/always-500']).toBe(before);
  });

  it('reports an unreachable peer as 502', async () => {
    const client = createInternalClient({ service: 'gone', baseUrl: 'http://127.0.0.1:1', retries: 1 });
    await expect(client.get('/x')).rejects.toMatchObject({
      status: 502,
      reason: expect.stringContaining('gone'),
    });
  });
});
