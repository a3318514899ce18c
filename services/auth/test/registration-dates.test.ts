import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, officerRegistration, startAuth } from './auth-harness.js';

// The four club dates of an officer's registration: one shared date schema for every date field.
describe('registration dates', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
    await auth.allowRso('offset@berkeley.edu', 'nulls@berkeley.edu');
  });
  afterAll(() => auth?.close());

  it.each(['+24:00', '+99:99', '-23:59', '+05:75'])(
    'answers an offset of %s with 400 naming the field, not a 500 with internals',
    async (offset) => {
      const res = await fetchJson(auth.url('/api/user/register'), {
        body: officerRegistration('offset@berkeley.edu', {
          recruiting_start: `2030-01-05T09:00:00${offset}`,
        }),
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 'error', data: [{ field: 'recruiting_start' }] });
    },
  );

  it('reads "null" and "" as no date, as upstream stored the Postman collection\'s "null"', async () => {
    const res = await fetchJson(auth.url('/api/user/register'), {
      body: officerRegistration('nulls@berkeley.edu', {
        apply_deadline_start: 'null',
        apply_deadline_end: '',
        recruiting_start: 'null',
        recruiting_end: 'null',
      }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const registered = auth.events.find(
      (event) =>
        event.type === 'UserRegistered' && (event.data as { email: string }).email === 'nulls@berkeley.edu',
    );
    expect((registered!.data as { club: unknown }).club).toMatchObject({
      apply_deadline_start: null,
      apply_deadline_end: null,
      recruiting_start: null,
      recruiting_end: null,
    });
  });
});
