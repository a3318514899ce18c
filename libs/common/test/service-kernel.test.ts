import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTokenVerifier } from '../src/auth/token-verifier.js';
import { commonConfigSchema } from '../src/config/common-config.js';
import { AppError } from '../src/errors/app-error.js';
import { installProcessGuards } from '../src/logging/process-guards.js';
import { routesOf } from '../src/service/define-route.js';
import { defineService } from '../src/service/define-service.js';
import { bootService } from '../src/testing/boot-service.js';
import { capturingLogger } from '../src/testing/index.js';
import { openStorage } from '../src/testing/storage.js';
import { type TokenIssuer, tokenIssuer } from '../src/testing/tokens.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './fixtures/schema.js';

/** A service of three routes and a job, to see what the kernel does for each definition. */
interface Ctx {
  notes: string[];
  ticks: Date[];
  verifier: ReturnType<typeof createTokenVerifier>;
}
const route = routesOf<Ctx>();
const configSchema = commonConfigSchema.extend({
  AUTH_URL: z.string(),
  TICK_MS: z.coerce.number().default(0),
});

const notesService = defineService({
  name: 'bustest',
  version: '1.2.3',
  config: configSchema,
  migrations: fileURLToPath(new URL('./fixtures/drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
  async setup(parts, config) {
    const verifier = createTokenVerifier({
      jwksUrl: new URL('/.well-known/jwks.json', config.AUTH_URL).href,
      store: parts.store,
    });
    const context: Ctx = { notes: [], ticks: [], verifier };
    return { context };
  },
  verifier: (ctx) => ctx.verifier,
  routes: [
    route(
      {
        method: 'post',
        path: '/notes/:board',
        summary: 'Add a note',
        tag: 'Notes',
        auth: ['officer'],
        params: z.object({ board: z.enum(['a', 'b']) }),
        query: z.object({ pin: z.enum(['yes', 'no']).default('no') }),
        body: z.object({ text: z.string().min(1) }),
        responses: { 201: { description: 'The board', schema: z.array(z.string()) } },
      },
      ({ ctx, params, query, body, claims }) => {
        ctx.notes.push(`${params.board}:${body.text}:${query.pin}:${claims.role}`);
        return ctx.notes;
      },
    ),
    route(
      {
        method: 'get',
        path: '/notes',
        summary: 'The notes; who is asking',
        tag: 'Notes',
        auth: 'optional',
        responses: { 200: { description: 'Notes' } },
      },
      ({ ctx, claims }) => ({ notes: ctx.notes, as: claims?.role ?? null }),
    ),
    route(
      {
        method: 'get',
        path: '/teapot',
        summary: 'Always refuses',
        tag: 'Notes',
        responses: { 200: { description: 'Never' } },
        errors: [418],
      },
      () => {
        throw new AppError('NOTES.TEAPOT', 418, 'I am a teapot');
      },
    ),
  ],
  jobs: [
    {
      name: 'tick',
      every: (config) => config.TICK_MS,
      run: async (ctx, now) => {
        ctx.ticks.push(now);
      },
    },
  ],
});

describe('the service kernel', () => {
  let issuer: TokenIssuer;
  let storage: Awaited<ReturnType<typeof openStorage>>;
  let notes: Awaited<ReturnType<typeof bootService<z.output<typeof configSchema>, Ctx>>>;
  const fixedNow = new Date('2026-01-02T03:04:05Z');

  beforeAll(async () => {
    issuer = await tokenIssuer();
    storage = await openStorage('embedded');
    notes = await bootService(notesService, {
      storage: storage.storage,
      config: { AUTH_URL: issuer.url },
      clock: () => fixedNow,
    });
  });
  afterAll(async () => {
    await notes?.close();
    await storage?.close();
    await issuer?.close();
  });

  it('checks a route’s roles before anything else, with upstream’s 401 for a wrong role', async () => {
    const post = (token?: string) =>
      notes.client('/notes/a', { method: 'POST', body: { text: 'hi' }, token });
    expect((await post()).body).toEqual({
      status: 'error',
      reason: 'Missing Authorization Header',
      data: null,
    });
    const student = await post(await issuer.token('student'));
    expect(student.status).toBe(401);
    expect(student.body.reason).toBe('You are not allowed to access this endpoint!');
    expect((await post(await issuer.expired('officer'))).status).toBe(401);
    expect((await post(await issuer.forged('officer'))).status).toBe(401);
    const ok = await post(await issuer.token('officer'));
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual(['a:hi:no:officer']);
  });

  it('parses params, query and body, naming where the problem is', async () => {
    const token = await issuer.token('officer');
    const badPath = await notes.client('/notes/c', { method: 'POST', body: { text: 'x' }, token });
    expect(badPath.status).toBe(400);
    expect(badPath.body.reason).toBe('A validation error occurred when parsing the path.');
    expect(badPath.body.data[0].field).toBe('board');
    const badQuery = await notes.client('/notes/a?pin=maybe', { method: 'POST', body: { text: 'x' }, token });
    expect(badQuery.body.reason).toBe('A validation error occurred when parsing the query string.');
    const badBody = await notes.client('/notes/a', { method: 'POST', body: { text: 7 }, token });
    expect(badBody.body.reason).toBe('A validation error occurred when parsing the JSON body.');
    expect(badBody.body.data).toEqual([{ field: 'text', errors: [expect.any(String)] }]);
  });

  it('reads an optional token when there is one, and refuses a bad one', async () => {
    expect((await notes.client('/notes')).body.as).toBeNull();
    const student = await notes.client('/notes', { token: await issuer.token('student') });
    expect(student.body.as).toBe('student');
    expect((await notes.client('/notes', { token: await issuer.forged('student') })).status).toBe(401);
  });

  it('answers an AppError with its status in the envelope', async () => {
    const teapot = await notes.client('/teapot');
    expect(teapot.status).toBe(418);
    expect(teapot.body).toEqual({ status: 'error', reason: 'I am a teapot', data: null });
  });

  it('reports its own version in /healthz and as service_info', async () => {
    expect((await notes.client('/healthz')).body).toEqual({
      status: 'ok',
      service: 'bustest',
      version: '1.2.3',
    });
    const metrics = await notes.client('/metrics');
    expect(metrics.body).toMatch(/service_info\{[^}]*version="1\.2\.3"[^}]*\} 1/);
  });

  it('documents every route from its definition', async () => {
    const doc = (await notes.client('/internal/openapi.json')).body;
    const post = doc.paths['/notes/{board}'].post;
    expect(post.summary).toBe('Add a note');
    expect(post.security).toEqual([{ accessToken: [] }]);
    expect(post.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual([
      'path:board',
      'query:pin',
    ]);
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '401']);
    expect(doc.paths['/teapot'].get.responses['418']).toBeDefined();
  });

  it("serves the kernel's messaging and circuit figures on /metrics, labelled with the service", async () => {
    const text = await (await fetch(new URL('/metrics', notes.service.url))).text();
    expect(text).toContain('outbox_lag_seconds{service="bustest"} 0');
    for (const name of ['events_published_total', 'events_consumed_total', 'internal_client_circuit_state'])
      expect(text).toContain(`# TYPE ${name}`);
  });

  it('runs a job on demand with the injected clock (off when its interval is 0)', async () => {
    expect(notes.context.ticks).toEqual([]);
    await notes.service.jobs.run('tick');
    expect(notes.context.ticks).toEqual([fixedNow]);
  });
});

describe('process guards', () => {
  it('log an unhandled rejection as fatal and exit non-zero', () => {
    const { logger, lines } = capturingLogger();
    const exits: number[] = [];
    const uninstall = installProcessGuards(logger, (code) => exits.push(code));
    try {
      process.emit('unhandledRejection', new Error('nobody awaited me'), Promise.resolve());
    } finally {
      uninstall();
    }
    expect(exits).toEqual([70]);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 60, msg: 'unhandled rejection: exiting' });
  });
});
