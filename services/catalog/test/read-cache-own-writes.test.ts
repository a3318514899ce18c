import type { AddressInfo } from 'node:net';
import type { Database } from '@sproul/common/db';
import { fetchJson, testLogger } from '@sproul/common/testing';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonAnswer } from '../src/read-cache/cached-answer.js';
import { type ReadCache, startReadCache } from '../src/read-cache/read-cache.js';

/** A database whose change notices never arrive (as when they are still on their way): only the cache's own doing shows. */
const silentDatabase = {
  async listen(_channel, listener) {
    listener.restored();
    return { close: async () => {} };
  },
} as Pick<Database, 'listen'> as Database;

describe("a replica's own writes, before their change notice arrives", () => {
  let cache: ReadCache;
  let server: ReturnType<express.Express['listen']>;
  let url: string;
  let value = 'before';
  let fills = 0;

  beforeAll(async () => {
    cache = await startReadCache(silentDatabase, testLogger(), { maxMb: 1, clock: () => new Date() });
    const app = express();
    app.use((req, res, next) => {
      if (!cache.fastLane(req, res)) next();
    });
    app.get('/value', (req, res) =>
      cache.answer(req, res, 'value', async () => {
        fills++;
        return jsonAnswer({ value });
      }),
    );
    // A student's own data: no public answer is made of it.
    app.post('/api/student/favorite-clubs', (_req, res) => {
      res.json({ status: 'success' });
    });
    app.post('/value/:next', (req, res) => {
      value = req.params.next;
      res.json({ status: 'success' });
    });
    app.put('/unheard/:next', (req, res) => {
      value = req.params.next;
      res.status(400).json({ status: 'error', reason: 'changed, yet answered as refused', data: null });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await cache?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });

  const read = async () => (await fetchJson(`${url}/value`)).body.value;

  it('keeps answers until a change is heard or written here: a refused write empties nothing', async () => {
    expect(await read()).toBe('before');
    await fetchJson(`${url}/unheard/unseen`, { method: 'PUT' });
    expect(await read()).toBe('before');
    value = 'before';
  });

  it('shows a write this replica answered in its very next read', async () => {
    expect(await read()).toBe('before');
    expect((await fetchJson(`${url}/value/after`, { method: 'POST' })).status).toBe(200);
    expect(await read()).toBe('after');
  });

  it("keeps the public answers through a student's personal writes (favourites), which change none of them", async () => {
    expect(await read()).toBe('after');
    const before = fills;
    for (let i = 0; i < 3; i++) {
      expect((await fetchJson(`${url}/api/student/favorite-clubs`, { method: 'POST' })).status).toBe(200);
      expect(await read()).toBe('after');
    }
    expect(fills).toBe(before);
    // Any other write still empties the cache.
    expect((await fetchJson(`${url}/value/later`, { method: 'POST' })).status).toBe(200);
    expect(await read()).toBe('later');
    expect(fills).toBe(before + 1);
  });
});
