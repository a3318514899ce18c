import { fetchJson as send } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogHarness, startCatalogHarness } from './catalog-harness.js';

// Upstream's Student API step after a first sign-in: email, majors, minors, interests. Upstream's
// version always failed (its existence check was inverted); this is what it meant to do.
describe('POST /api/student/finish-register', () => {
  let catalog: CatalogHarness;
  const studentId = crypto.randomUUID();
  let token: string;
  const finish = (body: unknown, bearer = token) =>
    send(catalog.url('/api/student/finish-register'), { body, token: bearer });
  const registration = { email: 'Oski@Berkeley.edu', majors: [1, 2], minors: [3], interests: [0, 4, 4] };

  beforeAll(async () => {
    catalog = await startCatalogHarness();
    // Unconfirmed: upstream asked no confirmation here (students were never confirmed there).
    token = await catalog.auth.token('student', {
      sub: studentId,
      email: 'oski@berkeley.edu',
      confirmed: false,
    });
  }, 60_000);
  afterAll(() => catalog?.close());

  it("sets the student's majors, minors and interests and answers success", async () => {
    const res = await finish(registration);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ status: 'success' });
    const confirmed = await catalog.auth.token('student', { sub: studentId, email: 'oski@berkeley.edu' });
    const profile = await send(catalog.url('/api/student/profile'), { token: confirmed });
    expect(profile.status).toBe(200);
    expect(profile.body.majors.map((row: { id: number }) => row.id)).toEqual([1, 2]);
    expect(profile.body.minors.map((row: { id: number }) => row.id)).toEqual([3]);
    expect(profile.body.interests.map((row: { id: number }) => row.id)).toEqual([0, 4]);
  });

  it("refuses another student's email with 403 and changes nothing there", async () => {
    const res = await finish({ ...registration, email: 'someone-else@berkeley.edu' });
    expect(res.status).toBe(403);
    expect(res.body.status).toBe('error');
  });

  it.each([
    ['a missing key', { email: 'oski@berkeley.edu', majors: [1], minors: [1] }],
    ['an empty list', { ...registration, majors: [] }],
    ['more than three', { ...registration, interests: [0, 1, 2, 3] }],
    ['an unknown id', { ...registration, majors: [99_999] }],
    ['an unknown key', { ...registration, year: 1 }],
  ])('answers %s with a 400 envelope', async (_label, body) => {
    const res = await finish(body);
    expect(res.status).toBe(400);
    expect(res.body.status).toBe('error');
    expect(Array.isArray(res.body.data)).toBe(true);
  });

  it('needs a student access token', async () => {
    expect((await finish(registration, '')).status).toBe(401);
    expect((await finish(registration, await catalog.auth.token('officer'))).status).toBe(401);
  });
});
