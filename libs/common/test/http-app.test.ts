import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../src/errors/app-error.js';
import { createHttpApp } from '../src/http/create-app.js';
import { testLogger } from '../src/testing/index.js';

const itemSchema = z.object({ name: z.string().min(1).max(70), tags: z.array(z.number().int()).max(3) });

function build(ready = true) {
  const items = new Map<string, unknown>();
  return createHttpApp({
    service: 'demo',
    logger: testLogger(),
    readiness: {
      database: async () => {
        if (!ready) throw new Error('database is down');
      },
    },
    routes(app: Express) {
      app.post('/api/items', (req, res) => {
        const item = itemSchema.parse(req.body);
        items.set(item.name, item);
        res.status(201).json(item);
      });
      app.get('/api/items/:name', (req, res) => {
        if (!items.has(req.params.name)) throw new AppError('DEMO.NOT_FOUND', 404, 'No such item');
        res.json(items.get(req.params.name));
      });
      app.get('/api/boom', () => {
        throw new Error('secret internals at /srv/app.js:12');
      });
      app.get('/api/async-boom', async () => {
        await Promise.resolve();
        throw new TypeError('cannot read properties of undefined');
      });
    },
  }).app;
}

const expectEnvelope = (body: unknown, reason?: RegExp) => {
  expect(body).toMatchObject({ status: 'error', reason: expect.any(String) });
  expect(Object.keys(body as object).sort()).toEqual(['data', 'reason', 'status']);
  if (reason) expect((body as { reason: string }).reason).toMatch(reason);
};

describe('HTTP app factory', () => {
  const app = build();

  it('serves a valid JSON request', async () => {
    const res = await request(app)
      .post('/api/items')
      .send({ name: 'Chess Club ♞', tags: [1, 2] });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ name: 'Chess Club ♞', tags: [1, 2] });
  });

  it('answers malformed JSON with 400 and the envelope', async () => {
    const res = await request(app)
      .post('/api/items')
      .set('content-type', 'application/json')
      .send('{"name": "x",');
    expect(res.status).toBe(400);
    expectEnvelope(res.body, /Expected JSON in body/);
  });

  it('answers a JSON body over the 1 MB limit with 413', async () => {
    const res = await request(app)
      .post('/api/items')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), tags: [] }));
    expect(res.status).toBe(413);
    expectEnvelope(res.body, /too large/);
  });

  it('answers an unknown route with 404 JSON, never HTML', async () => {
    const res = await request(app).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expectEnvelope(res.body, /No route/);
  });

  it('answers a wrong method with 405 and the Allow header', async () => {
    const res = await request(app).delete('/api/items');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expectEnvelope(res.body);
    const onParam = await request(app).put('/api/items/chess');
    expect(onParam.status).toBe(405);
    expect(onParam.headers.allow).toContain('GET');
  });

  it('answers a non-JSON body with 415', async () => {
    const res = await request(app).post('/api/items').set('content-type', 'text/plain').send('name=x');
    expect(res.status).toBe(415);
    expectEnvelope(res.body, /content type/);
  });

  it('takes a form or text body only on the exact paths whose routes accept one (otherBodies)', async () => {
    const seen: unknown[] = [];
    const { app } = createHttpApp({
      service: 'demo',
      logger: testLogger(),
      otherBodies: new Map([
        ['/one-click', ['form'] as const],
        ['/sns', ['text'] as const],
      ]),
      routes(routes: Express) {
        for (const path of ['/one-click', '/sns', '/json-only'])
          routes.post(path, (req, res) => {
            seen.push(req.body);
            res.json({ ok: true });
          });
      },
    });
    const form = 'application/x-www-form-urlencoded';
    expect(
      (await request(app).post('/one-click').set('content-type', form).send('List-Unsubscribe=One-Click'))
        .status,
    ).toBe(200);
    expect(
      (await request(app).post('/sns').set('content-type', 'text/plain').send('{"Type":"x"}')).status,
    ).toBe(200);
    expect(seen).toEqual([{ 'List-Unsubscribe': 'One-Click' }, '{"Type":"x"}']);
    expect((await request(app).post('/one-click').set('content-type', 'text/plain').send('x')).status).toBe(
      415,
    );
    expect((await request(app).post('/json-only').set('content-type', form).send('a=b')).status).toBe(415);
  });

  it('answers invalid fields with 400 and field-level data', async () => {
    const res = await request(app)
      .post('/api/items')
      .send({ name: '', tags: ['one'] });
    expect(res.status).toBe(400);
    expectEnvelope(res.body, /validation/);
    expect(res.body.data.map((d: { field: string }) => d.field).sort()).toEqual(['name', 'tags.0']);
  });

  it.each([
    ['a JSON array', '[1,2,3]'],
    ['a bare string', '"hello"'],
    ['null', 'null'],
    ['an injection string', JSON.stringify({ name: "'; drop table clubs; --", tags: [{ $gt: '' }] })],
    ['a prototype-pollution attempt', '{"__proto__": {"admin": true}, "name": "x", "tags": []}'],
  ])('answers %s with 4xx, never 500', async (_label, body) => {
    const res = await request(app).post('/api/items').set('content-type', 'application/json').send(body);
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers a badly encoded path parameter with 400', async () => {
    const res = await request(app).get('/api/items/%E0%A4%A');
    expect(res.status).toBe(400);
    expectEnvelope(res.body);
  });

  it('answers application errors with their status', async () => {
    const res = await request(app).get('/api/items/unknown');
    expect(res.status).toBe(404);
    expectEnvelope(res.body, /No such item/);
  });

  it('turns unexpected errors, sync or async, into a bare 500 envelope without internals', async () => {
    for (const path of ['/api/boom', '/api/async-boom']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ status: 'error', reason: 'Internal server error', data: null });
      expect(res.text).not.toMatch(/secret|srv|undefined/);
    }
  });

  it('keeps a well-formed request id and replaces a hostile one', async () => {
    const kept = await request(app).get('/healthz').set('x-request-id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(app).get('/healthz').set('x-request-id', '<script>alert(1)</script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const res = await request(app).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('reports health, readiness and metrics', async () => {
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok', service: 'demo' });
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database.ok).toBe(true);
    await request(app).get('/api/items/unknown');
    const metrics = await request(app).get('/metrics');
    expect(metrics.text).toMatch(/http_requests_total\{[^}]*route="\/api\/items\/:name"[^}]*status="404"/);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
  });

  it('reports not ready, with the failing check, when a dependency is down', async () => {
    const res = await request(build(false)).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.checks.database).toEqual({ ok: false, error: 'database is down' });
  });
});
