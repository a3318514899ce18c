// The embedded S3 (s3rver) of `npm start`: stored image URLs name its port, so a restart asks for the
// same one, and the files are still there.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { type EmbeddedS3, startEmbeddedS3 } from '../scripts/src/embedded-s3.js';

/** A client with the keys the store checks (the media service's, from its env). */
const clientOf = ({ env }: EmbeddedS3) =>
  new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });

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
    const s3 = clientOf(first);
    await s3.send(new CreateBucketCommand({ Bucket: 'bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'clubs/a.txt', Body: 'kept' }));
    // Only signed requests write (s3rver alone would take this one).
    expect((await send(`${first.endpoint}/bucket/clubs/b.txt`, 'PUT', 'anyone')).status).toBe(403);
    s3.destroy();
    await first.close();
    const second = await startEmbeddedS3(path.join(dir, 's3'), 0, true);
    expect(second.endpoint).toBe(first.endpoint);
    expect((await send(`${second.endpoint}/bucket/clubs/a.txt`)).text).toBe('kept');
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
