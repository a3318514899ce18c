import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../src/errors/app-error.js';
import { defineEvent } from '../src/events/define-event.js';
import { makeEvent } from '../src/events/make-event.js';
import { createHttpApp } from '../src/http/create-app.js';
import { testLogger } from '../src/testing/index.js';

// Real driver errors, as drizzle wraps them (DrizzleQueryError with the PGlite error as `cause`).
let pglite: PGlite;
const failures: Record<string, unknown> = {};
beforeAll(async () => {
  pglite = new PGlite();
  const db = drizzle(pglite);
  await pglite.exec(`create table parent (id int primary key);
    create table t (a text unique not null, b int check (b > 0), p int references parent);
    insert into parent values (1); insert into t values ('x', 1, 1);`);
  const fail = async (name: string, query: ReturnType<typeof sql>) => {
    try {
      await db.execute(query);
    } catch (error) {
      failures[name] = error;
    }
  };
  await fail('unique', sql`insert into t values ('x', 1, null)`);
  await fail('check', sql`insert into t values ('y', -1, null)`);
  await fail('not-null', sql`insert into t values (null, 1, null)`);
  await fail('missing-parent', sql`insert into t values ('z', 1, 2)`);
  await fail('still-referenced', sql`delete from parent where id = 1`);
  await fail('bad-text', sql`insert into t values (${'a\u0000b'}, 1, null)`);
  await fail('bad-int', sql`select ${'zz'}::int`);
}, 30_000);
afterAll(() => pglite?.close());

const loose = z.looseObject({});
const Counted = defineEvent('Counted', 1, z.object({ count: z.number() }));

function build() {
  return createHttpApp({
    service: 'demo',
    logger: testLogger(),
    routes(app: Express) {
      app.post('/api/items', (req, res) => {
        res.json({ got: loose.parse(req.body) });
      });
      app.get('/api/items/:name/parts/:part', (req, res) => {
        res.json({ name: req.params.name, part: req.params.part });
      });
      app.get('/api/search', (req, res) => {
        res.json({ query: req.query });
      });
      app.get('/api/me', (req, res) => {
        res.json({ auth: req.headers.authorization ?? null });
      });
      app.get('/api/db/:kind', (req) => {
        throw failures[req.params.kind];
      });
      app.get('/api/pg-shaped', () => {
        // node-postgres's DatabaseError: the SQLSTATE on the error itself.
        throw Object.assign(new Error('duplicate key value violates unique constraint "clubs_link"'), {
          code: '23505',
          detail: 'Key (link_name)=(chess) already exists.',
        });
      });
      app.get('/api/db-down/:kind', (req) => {
        throw {
          // PostgreSQL shutting down (57P01), refusing connections, and the socket refused.
          shutdown: Object.assign(new Error('terminating connection due to administrator command'), {
            code: '57P01',
          }),
          refusing: Object.assign(new Error('database "x" is not currently accepting connections'), {
            code: '55000',
          }),
          socket: new Error('Failed query', {
            cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
          }),
          terminated: new Error('Connection terminated unexpectedly'),
          // A connection the server ended while its request still held it (found by npm run chaos).
          unqueryable: new Error('Failed query: select 1', {
            cause: new Error('Client has encountered a connection error and is not queryable'),
          }),
        }[req.params.kind];
      });
      app.get('/api/bad-event', () => {
        makeEvent(Counted, { count: 'not a number' } as never, 'demo');
      });
      app.get('/api/app-500', () => {
        throw new AppError('DEMO.BUG', 500, 'invariant broken in /srv/app.js', { secret: 1 });
      });
    },
  }).app;
}

const fieldsOf = (body: { data: { field: string }[] }) => body.data.map((problem) => problem.field);

describe('invalid text is refused centrally', () => {
  const app = build();

  it('answers a NUL byte in any JSON field, at any depth or in a key, with a 400 naming the fields', async () => {
    const res = await request(app)
      .post('/api/items')
      .send({ name: 'a\u0000b', nested: { list: ['ok', 'x\u0000'] }, 'key\u0000': 1 });
    expect(res.status).toBe(400);
    expect(res.body.status).toBe('error');
    expect(res.body.reason).toMatch(/JSON body/);
    expect(fieldsOf(res.body).sort()).toEqual(['key\u0000', 'name', 'nested.list.1']);
  });

  it('answers an unpaired surrogate with 400, and lets a real pair through', async () => {
    const bad = await request(app)
      .post('/api/items')
      .set('content-type', 'application/json')
      .send('{"name": "\\ud800x", "low": "\\udc00"}');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['low', 'name']);
    const good = await request(app)
      .post('/api/items')
      .set('content-type', 'application/json')
      .send('{"name": "\\ud83d\\ude00 café"}');
    expect(good.status).toBe(200);
    expect(good.body.got.name).toBe('😀 café');
  });

  it('answers a NUL in a path parameter with 400 naming the parameter', async () => {
    const res = await request(app).get('/api/items/fine/parts/a%00b');
    expect(res.status).toBe(400);
    expect(res.body.reason).toMatch(/path/);
    expect(fieldsOf(res.body)).toEqual(['part']);
    expect((await request(app).get('/api/items/fine/parts/a%20b')).status).toBe(200);
  });

  it('answers a NUL in a query parameter (name or value, nested or not) with 400', async () => {
    for (const query of ['q=a%00', 'q[x]=%00', 'a%00=1', 'list[]=ok&list[]=%ED%A0%80']) {
      const res = await request(app).get(`/api/search?${query}`);
      if (query.includes('%ED')) {
        // Not UTF-8: the query parser keeps the raw text, which is valid; nothing to refuse.
        expect(res.status).toBe(200);
        continue;
      }
      expect(res.status, query).toBe(400);
      expect(res.body.reason).toMatch(/query string/);
    }
    expect((await request(app).get('/api/search?q=chess')).status).toBe(200);
  });

  it('answers Basic credentials holding a NUL with 400', async () => {
    const header = `Basic ${Buffer.from('a\u0000@b.edu:pass').toString('base64')}`;
    const res = await request(app).get('/api/me').set('authorization', header);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['authorization']);
    const fine = `Basic ${Buffer.from('a@b.edu:pass').toString('base64')}`;
    expect((await request(app).get('/api/me').set('authorization', fine)).status).toBe(200);
  });

  it('walks a deeply nested body without overflowing the stack', async () => {
    const deep = `${'{"a":'.repeat(50_000)}"\\u0000"${'}'.repeat(50_000)}`;
    const res = await request(app).post('/api/items').set('content-type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body.status).toBe('error');
  });
});

describe('database and internal errors', () => {
  const app = build();

  it.each([
    ['unique', 409],
    ['check', 400],
    ['not-null', 400],
    ['missing-parent', 404],
    ['still-referenced', 409],
    ['bad-text', 400],
    ['bad-int', 400],
  ])('answers a wrapped PGlite %s violation with %i and no internals', async (kind, status) => {
    expect(failures[kind], kind).toBeDefined();
    const res = await request(app).get(`/api/db/${kind}`);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ status: 'error', data: null });
    expect(JSON.stringify(res.body)).not.toMatch(/insert|select|delete|constraint|parent|Key \(/i);
  });

  it("answers node-postgres's unique violation with 409", async () => {
    const res = await request(app).get('/api/pg-shaped');
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).not.toMatch(/clubs_link|chess/);
  });

  it('answers a database that cannot be reached with a 503 and Retry-After, not a 500', async () => {
    for (const kind of ['shutdown', 'refusing', 'socket', 'terminated', 'unqueryable']) {
      const res = await request(app).get(`/api/db-down/${kind}`);
      expect(res.status, kind).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toMatchObject({ status: 'error', data: null });
      expect(JSON.stringify(res.body)).not.toMatch(/5432|administrator|accepting/);
    }
  });

  it('answers an event that breaks its contract, or any AppError 500, with the bare 500 envelope', async () => {
    for (const path of ['/api/bad-event', '/api/app-500']) {
      const res = await request(app).get(path);
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ status: 'error', reason: 'Internal server error', data: null });
    }
  });
});
