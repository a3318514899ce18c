import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MediaHarness, startMediaHarness } from './media-harness.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe("students' private documents (presigned S3 URLs)", () => {
  let media: MediaHarness;
  beforeAll(async () => {
    media = await startMediaHarness();
  }, 60_000);
  afterAll(() => media?.close());

  const ask = async (token: string, kind: string, body: unknown) =>
    media.client(`/api/student/documents/${kind}`, { method: 'POST', token, body });

  it('answers presigned PUT and GET URLs that upload and download the PDF, per account', async () => {
    const userId = crypto.randomUUID();
    const token = await media.auth.token('student', { sub: userId });
    const first = await ask(token, 'resume', { size: pdf.length });
    expect(first.status).toBe(200);
    expect(first.body.exists).toBe(false);
    const upload = new URL(first.body.upload);
    expect(upload.pathname).toBe(`/media-test/private/students/${userId}/resume.pdf`);
    expect(upload.searchParams.get('X-Amz-Expires')).toBe('600');
    // The signature covers the type and the exact length: S3 refuses a PUT that differs.
    expect(upload.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host']),
    );
    const putAs = (type: string, body: Buffer) =>
      fetch(upload, { method: 'PUT', headers: { 'content-type': type }, body: new Uint8Array(body) });
    // The store (s3rver behind the checking front, as S3) holds the URL to its signed type and length.
    expect((await putAs('application/pdf', Buffer.concat([pdf, pdf]))).status).toBe(403);
    expect((await putAs('text/html', pdf)).status).toBe(403);
    expect((await putAs('application/pdf', pdf)).status).toBe(200);
    // Never public: without the signature the document is refused.
    const unsigned = new URL(upload.pathname, upload.origin);
    expect((await fetch(unsigned)).status).toBe(403);
    const again = await ask(token, 'resume', { size: 10 });
    expect(again.body.exists).toBe(true);
    expect(new URL(again.body.download).searchParams.get('X-Amz-Expires')).toBe('600');
    const got = await fetch(again.body.download);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(pdf);
    // Another student's URLs name their own key, and the waiver is its own document.
    const other = await media.auth.token('student', { sub: crypto.randomUUID() });
    expect((await ask(other, 'resume', { size: 10 })).body.exists).toBe(false);
    expect((await ask(token, 'waiver', { size: 10 })).body.exists).toBe(false);
  });

  it('refuses other kinds, sizes over 5 MiB, bad bodies and other roles', async () => {
    const token = await media.auth.token('student');
    expect((await ask(token, 'photo', { size: 10 })).status).toBe(400);
    const big = await ask(token, 'resume', { size: 5 * 1024 * 1024 + 1 });
    expect(big).toMatchObject({ status: 400, body: { status: 'error', data: { limit: 5 * 1024 * 1024 } } });
    for (const body of [{}, { size: 0 }, { size: 1.5 }, { size: '10' }, { size: 10, extra: 1 }]) {
      expect((await ask(token, 'resume', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await ask(await media.auth.token('officer'), 'resume', { size: 10 })).status,
    ).toBeGreaterThanOrEqual(401);
  });

  it('keeps documents out of the orphan sweep (they are not under clubs/)', async () => {
    const token = await media.auth.token('student');
    const urls = (await ask(token, 'waiver', { size: pdf.length })).body;
    await fetch(urls.upload, { method: 'PUT', headers: { 'content-type': 'application/pdf' }, body: pdf });
    media.advance(24 * 60 * 60_000);
    await media.cleanup();
    expect((await fetch(urls.download)).status).toBe(200);
  });
});
