import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MediaHarness, startMediaHarness } from './media-harness.js';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * `/internal/documents/:userId/:kind`: what engagement asks for an applicant's résumé. No token: like
 * the recommender's `/internal` routes it is reachable only on the services' network, not through the
 * gateway (services/gateway/test/internal-endpoints.test.ts).
 */
describe("a student's private document, for other services", () => {
  let media: MediaHarness;
  beforeAll(async () => {
    media = await startMediaHarness();
  }, 60_000);
  afterAll(() => media?.close());

  const stored = (userId: string, kind: string) => media.client(`/internal/documents/${userId}/${kind}`);

  /** The student's own upload, as the web client makes it: presigned URLs, then a PUT of the PDF. */
  async function uploadAs(userId: string, kind: 'resume' | 'waiver') {
    const token = await media.auth.token('student', { sub: userId });
    const urls = await media.client(`/api/student/documents/${kind}`, {
      method: 'POST',
      token,
      body: { size: pdf.length },
    });
    const put = await fetch(urls.body.upload, {
      method: 'PUT',
      headers: { 'content-type': 'application/pdf' },
      body: new Uint8Array(pdf),
    });
    expect(put.status).toBe(200);
  }

  it('answers no download before the student uploads, and one that fetches the PDF after', async () => {
    const userId = crypto.randomUUID();
    expect(await stored(userId, 'resume')).toMatchObject({
      status: 200,
      body: { download: null, exists: false },
    });
    await uploadAs(userId, 'resume');
    const after = await stored(userId, 'resume');
    expect(after).toMatchObject({ status: 200, body: { exists: true } });
    const download = new URL(after.body.download);
    expect(download.pathname).toBe(`/media-test/private/students/${userId}/resume.pdf`);
    expect(download.searchParams.get('X-Amz-Expires')).toBe('600');
    const got = await fetch(download);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(pdf);
    // The waiver is its own document, and another student's résumé is theirs.
    expect((await stored(userId, 'waiver')).body).toEqual({ download: null, exists: false });
    expect((await stored(crypto.randomUUID(), 'resume')).body).toEqual({ download: null, exists: false });
  });

  it('refuses another kind and a user id that is not an account id with a 400', async () => {
    const userId = crypto.randomUUID();
    for (const [id, kind] of [
      [userId, 'photo'],
      [userId, 'resume.pdf'],
      ['not-an-id', 'resume'],
      [`${userId}x`, 'resume'],
      ['..%2F..%2Fclubs', 'resume'],
      [encodeURIComponent(`${userId}/../${userId}`), 'resume'],
    ]) {
      const answer = await stored(id as string, kind as string);
      expect(answer.status, `${id} ${kind}`).toBe(400);
      expect(answer.body, `${id} ${kind}`).toMatchObject({ status: 'error', data: expect.any(Array) });
    }
  });
});
