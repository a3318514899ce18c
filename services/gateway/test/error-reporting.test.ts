import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SentryLike, startErrorReporting, stopErrorReporting } from '@sproul/common/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyTo } from '../src/proxy.js';

/** A stand-in for @sentry/node keeping each captured error with the tags its scope set. */
function recordingSentry() {
  const captured: { error: unknown; tags: Record<string, string> }[] = [];
  let tags: Record<string, string> = {};
  const sentry: SentryLike = {
    init: () => undefined,
    withScope(callback) {
      tags = {};
      callback({
        setTag: (key, value) => {
          tags[key] = value;
        },
        setExtra: () => undefined,
        addEventProcessor: () => undefined,
      });
    },
    captureException(error) {
      captured.push({ error, tags });
      return 'id';
    },
    flush: async () => true,
    close: async () => true,
  };
  return { sentry, captured };
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe("the gateway's own 5xx", () => {
  const { sentry, captured } = recordingSentry();
  beforeAll(async () => {
    await startErrorReporting({
      dsn: 'http://key@sentry.invalid/1',
      service: 'gateway',
      version: '9.9.9',
      load: async () => sentry,
    });
  });
  afterAll(() => stopErrorReporting());

  it('is reported with its status and request id when a service is down', async () => {
    const proxy = proxyTo('catalog', `http://127.0.0.1:${await freePort()}`, 2_000, () => {});
    const gateway = createServer((req, res) => {
      res.setHeader('x-request-id', 'gw-request-1');
      void proxy(req, res, () => {});
    }).listen(0, '127.0.0.1');
    await once(gateway, 'listening');
    try {
      const { port } = gateway.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/api/clubs`);
      expect(answer.status).toBe(503);
      expect(captured).toHaveLength(1);
      expect(captured[0]!.tags).toMatchObject({
        service: 'gateway',
        status: '503',
        request_id: 'gw-request-1',
      });
      expect((captured[0]!.error as Error).message).toBe('The catalog service is unavailable');
    } finally {
      gateway.close();
    }
  });
});
