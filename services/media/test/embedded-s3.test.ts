import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedS3, startEmbeddedS3 } from '../src/dev-store/embedded-s3.js';

const BUCKET = 'media-test';
let store: EmbeddedS3;
let directory: string;
let s3: S3Client;

const clientWith = (credentials: EmbeddedS3['credentials']) =>
  new S3Client({
    endpoint: store.url,
    region: store.region,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'embedded-s3-'));
  store = await startEmbeddedS3({ directory, publicPrefixes: ['clubs/'] });
  s3 = clientWith(store.credentials);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'clubs/c1/logo/abc.webp', Body: 'logo' }));
  await s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: 'private/students/u1/resume.pdf', Body: '%PDF-1.4' }),
  );
});

afterAll(async () => {
  await store?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe('the embedded S3 store', () => {
  it('serves public club images to anyone, and private documents to no anonymous reader', async () => {
    const image = await fetch(`${store.url}/${BUCKET}/clubs/c1/logo/abc.webp`);
    expect(image.status).toBe(200);
    expect(await image.text()).toBe('logo');
    const document = await fetch(`${store.url}/${BUCKET}/private/students/u1/resume.pdf`);
    expect(document.status).toBe(403);
    expect(await document.text()).toContain('<Code>AccessDenied</Code>');
    expect((await fetch(`${store.url}/${BUCKET}/clubs/c1/logo/abc.webp`, { method: 'DELETE' })).status).toBe(
      403,
    );
  });

  it('refuses SDK calls signed with a wrong secret, and serves ones signed with its key', async () => {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(listed.Contents?.map((o) => o.Key).sort()).toEqual([
      'clubs/c1/logo/abc.webp',
      'private/students/u1/resume.pdf',
    ]);
    const intruder = clientWith({ ...store.credentials, secretAccessKey: 'guessed' });
    await expect(intruder.send(new ListObjectsV2Command({ Bucket: BUCKET }))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
    });
  });

  it('accepts a presigned upload of exactly the signed length, and nothing else', async () => {
    const key = 'private/students/u2/waiver.pdf';
    const body = '%PDF-1.4 waiver';
    const put = await getSignedUrl(
      s3,
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: key,
        ContentType: 'application/pdf',
        ContentLength: body.length,
      }),
      { expiresIn: 60 },
    );
    const longer = await fetch(put, {
      method: 'PUT',
      body: `${body} and more`,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(longer.status).toBe(403);
    const exact = await fetch(put, { method: 'PUT', body, headers: { 'content-type': 'application/pdf' } });
    expect(exact.status).toBe(200);
    const get = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: key }), { expiresIn: 60 });
    expect(await (await fetch(get)).text()).toBe(body);
    // The same URL for another key, or used to write, is refused.
    expect((await fetch(get.replace('waiver.pdf', 'resume.pdf'))).status).toBe(403);
    expect((await fetch(get, { method: 'PUT', body: 'x' })).status).toBe(403);
  });

  it('refuses a presigned URL once it has expired', async () => {
    const issued = new Date(Date.now() - 120_000);
    const get = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: BUCKET, Key: 'private/students/u1/resume.pdf' }),
      { expiresIn: 60, signingDate: issued },
    );
    const answer = await fetch(get);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('Request has expired');
  });

  it("answers a browser's preflight for a presigned upload", async () => {
    const answer = await fetch(`${store.url}/${BUCKET}/private/students/u2/waiver.pdf`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://sproul.club',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://sproul.club');
    expect(answer.headers.get('access-control-allow-methods')).toContain('PUT');
  });
});
