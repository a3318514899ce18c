import { fuzzRoutes, type OpenApiDocument } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailerHarness, startMailerHarness } from './mailer-harness.js';

// Every route the mailer documents, with hostile values in each field and its body under other
// content types: 4xx or the route's normal answer, never a 5xx, never an error off the envelope.
describe('every documented mailer route, fuzzed', () => {
  let h: MailerHarness;
  beforeAll(async () => {
    h = await startMailerHarness();
  });
  afterAll(() => h?.close());

  it('answers every hostile variant with 4xx or its normal answer, as JSON', async () => {
    const document = (await h.mailer.client('/internal/openapi.json')).body as OpenApiDocument;
    const { requests, findings } = await fuzzRoutes({ baseUrl: h.mailer.url(''), document });
    expect(findings).toEqual([]);
    expect(requests).toBeGreaterThan(15); // three routes, their variants
  });
});
