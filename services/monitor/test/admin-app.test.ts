import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHttpApp } from '@sproul/common/http';
import { mountRoutes } from '@sproul/common/service';
import { bootService, openStorage, testLogger } from '@sproul/common/testing';
import { Router } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminAppRoutes } from '../src/entry-points/http/admin-app.js';
import { monitorService } from '../src/index.js';

// The admin web app's files as the monitor serves them at /admin (built by scripts/build.mjs, which
// the test run's global setup runs first).
describe('the admin web app at /admin', () => {
  let storage: Awaited<ReturnType<typeof openStorage>>;
  let booted: Awaited<ReturnType<typeof bootService>>;
  beforeAll(async () => {
    storage = await openStorage('embedded');
    booted = await bootService(monitorService, { storage: storage.storage });
  });
  afterAll(async () => {
    await booted?.close();
    await storage?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(booted.url(path), { headers });

  it('answers the app with a strict CSP, revalidated on every visit, and the same page on a deep link', async () => {
    const page = await get('/admin');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).toMatch(/<script type="module" crossorigin src="\/admin\/assets\/[\w-]+\.js"><\/script>/);
    // No inline script for the CSP to block.
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => tag.includes(' src='))).toBe(true);

    for (const deepLink of ['/admin/', '/admin/clubs', '/admin/rso']) {
      const again = await get(deepLink);
      expect(again.status, deepLink).toBe(200);
      expect(await again.text()).toBe(html);
    }

    // (fetch would add `cache-control: no-cache` to a conditional request, which forbids a 304.)
    // Revalidated by date (the services' express apps send no ETags).
    const revalidated = await get('/admin', {
      'if-modified-since': page.headers.get('last-modified')!,
      'cache-control': 'max-age=0',
    });
    expect(revalidated.status).toBe(304);
  });

  it('serves the hashed assets for good, and answers a missing file with a JSON 404', async () => {
    const html = await (await get('/admin')).text();
    const script = html.match(/src="(\/admin\/assets\/[^"]+)"/)![1]!;
    const asset = await get(script);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    for (const missing of ['/admin/assets/index-missing.js', '/admin/favicon.ico', '/admin/assets/.built']) {
      const answer = await get(missing);
      expect(answer.status, missing).toBeGreaterThanOrEqual(400);
      expect(answer.status, missing).toBeLessThan(500);
      expect(await answer.json()).toMatchObject({ status: 'error', reason: expect.any(String) });
    }
  });
});

describe('the admin web app at /admin, not built', () => {
  it('answers 503 naming the build command, and a JSON 404 for its files', async () => {
    const { app } = createHttpApp({
      service: 'monitor',
      logger: testLogger(),
      routes: (app) => {
        const router = Router();
        mountRoutes(router, adminAppRoutes(path.join(tmpdir(), `no-admin-app-${process.pid}`)), {});
        app.use(router);
      },
    });
    for (const page of ['/admin', '/admin/clubs']) {
      const answer = await request(app).get(page);
      expect(answer.status, page).toBe(503);
      expect(answer.body).toEqual({
        status: 'error',
        reason: 'The admin web app is not built: run `node scripts/build.mjs`.',
        data: null,
      });
    }
    expect((await request(app).get('/admin/assets/index-abc.js')).status).toBe(404);
  });
});
