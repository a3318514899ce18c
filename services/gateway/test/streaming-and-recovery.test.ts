import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { eventually, testLogger } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';

/** A catalog stand-in that counts the bytes of what it is sent, reading slowly, without keeping them. */
function countingService() {
  return createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      req.pause();
      setTimeout(() => req.resume(), 2); // a slow reader: a buffering proxy would pile the body up
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ bytes, type: req.headers['content-type']?.split(';')[0] }));
    });
  });
}

const listenOn = (server: Server, port = 0) =>
  new Promise<number>((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

describe('gateway streaming and recovery', () => {
  let catalog: Server;
  let catalogPort: number;
  let gateway: Awaited<ReturnType<typeof start>>;
  const store = new MemoryStore();

  beforeAll(async () => {
    catalog = countingService();
    catalogPort = await listenOn(catalog);
    const config = loadConfig(configSchema, {
      PORT: '0',
      CATALOG_URL: `http://127.0.0.1:${catalogPort}`,
      PROXY_TIMEOUT_MS: '30000',
    });
    gateway = await start({ config, logger: testLogger(), store });
  });
  afterAll(async () => {
    await gateway?.stop();
    catalog?.close();
    await store.close();
  });

  it('answers 503 while the service is down, and recovers when it comes back', async () => {
    await new Promise((resolve) => catalog.close(resolve));
    const down = await fetch(`${gateway.url}/api/catalog/tags`);
    expect(down.status).toBe(503);
    expect((await down.json()).status).toBe('error');

    catalog = countingService();
    await listenOn(catalog, catalogPort);
    const back = await fetch(`${gateway.url}/api/catalog/tags`, {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual({ bytes: 1, type: 'text/plain' });
  });
});

/** Peak resident memory of a process so far, in MB (Linux). */
const peakRssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
};

/** A multipart body of `size` bytes, produced as it is sent. */
function multipart(size: number) {
  const boundary = 'sproul-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 7);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(head),
    pull(controller) {
      if (sent >= size) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
  return {
    body,
    type: `multipart/form-data; boundary=${boundary}`,
    length: head.length + size + tail.length,
  };
}

describe('gateway process memory during a large upload', () => {
  let service: Server;
  let gateway: ReturnType<typeof spawn>;
  let url: string;

  beforeAll(async () => {
    service = countingService();
    const servicePort = await listenOn(service);
    const probe = createServer();
    const port = await listenOn(probe);
    await new Promise((resolve) => probe.close(resolve));
    url = `http://127.0.0.1:${port}`;
    // A small young generation: freed chunks are collected promptly, so what remains is what is held.
    gateway = spawn(
      process.execPath,
      ['--max-semi-space-size=1', fileURLToPath(new URL('../dist/start.js', import.meta.url))],
      {
        env: {
          ...process.env,
          PORT: String(port),
          CATALOG_URL: `http://127.0.0.1:${servicePort}`,
          LOG_LEVEL: 'silent',
          REDIS_URL: '',
          // One process: the one whose memory is measured must be the one proxying.
          GATEWAY_WORKERS: '1',
        },
        stdio: 'ignore',
      },
    );
    await eventually(() => fetch(`${url}/healthz`).then((r) => r.ok), 15_000, 100);
  });
  afterAll(async () => {
    gateway?.kill('SIGTERM');
    service?.close();
  });

  const upload = async (size: number) => {
    const { body, type, length } = multipart(size);
    const res = await fetch(`${url}/api/catalog/upload-test`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ bytes: length, type: 'multipart/form-data' });
  };

  it('streams a 10 MB multipart upload through to a slow reader without buffering it', async () => {
    await upload(1024 * 1024); // warm up the gateway's code paths first
    const before = peakRssMb(gateway.pid!);
    await upload(10 * 1024 * 1024);
    const growth = peakRssMb(gateway.pid!) - before;
    // Holding the body would take at least 10 MB; streaming measured ≈ 5.5 MB here (socket buffers and
    // chunks awaiting collection), so the bound sits between the two.
    expect(growth).toBeLessThan(8);
  });
});
