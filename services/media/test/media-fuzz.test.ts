import { fuzzRoutes, jsonClient, type OpenApiDocument } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MediaHarness, startMediaHarness } from './media-harness.js';

// Every route media documents, with hostile strings in each field, path parameter and query, and its
// body under other content types: a 4xx or the route's normal answer, never a 5xx.
describe('every documented media route, fuzzed', () => {
  let media: MediaHarness;
  let token: string;
  beforeAll(async () => {
    media = await startMediaHarness();
    token = (await media.addClub('fuzz-club')).token;
  }, 60_000);
  afterAll(() => media?.close());

  it('answers every hostile variant with 4xx or its normal answer, as JSON', async () => {
    const document = (await jsonClient(media.url(''))('/internal/openapi.json')).body as OpenApiDocument;
    const { requests, findings } = await fuzzRoutes({
      baseUrl: media.url(''),
      document,
      headers: () => ({ authorization: `Bearer ${token}` }),
      sample: (name) => (name === 'id' ? crypto.randomUUID() : undefined),
    });
    expect(findings).toEqual([]);
    expect(requests).toBeGreaterThan(15);
  }, 90_000);
});
