// The embedded S3 (s3rver) of `npm start`: stored image URLs name its port, so a restart asks for the
// same one, and the files are still there.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedS3 } from '../scripts/src/embedded-s3.js';

/** One request on a connection of its own (servers on the same port come and go here). */
const send = (url: string, method = 'GET', body?: string) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(url, { method, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('the embedded S3', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sproul-s3-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('comes back on the port of its last start, with its objects; a taken port gives a free one', async () => {
    const first = await startEmbeddedS3(path.join(dir, 's3'), 0, true);
    await send(`${first.endpoint}/bucket`, 'PUT');
    expect((await send(`${first.endpoint}/bucket/a.txt`, 'PUT', 'kept')).status).toBe(200);
    await first.close();
    const second = await startEmbeddedS3(path.join(dir, 's3'), 0, true);
    expect(second.endpoint).toBe(first.endpoint);
    expect((await send(`${second.endpoint}/bucket/a.txt`)).text).toBe('kept');
    await second.close();
    // Someone else on the port now: a free one instead, not a crash.
    const squatter = createServer();
    await new Promise<void>((resolve) =>
      squatter.listen(Number(new URL(first.endpoint).port), '127.0.0.1', resolve),
    );
    const third = await startEmbeddedS3(path.join(dir, 's3'), 0, true);
    expect(third.endpoint).not.toBe(first.endpoint);
    await third.close();
    squatter.close();
  });
});
