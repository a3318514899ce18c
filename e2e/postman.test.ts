import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postmanCollection, postmanFile } from '../scripts/src/postman.js';

describe('docs/postman-collection.json', () => {
  it('is current with the OpenAPI document (regenerate with npm run docs:postman)', () => {
    expect(JSON.parse(readFileSync(postmanFile, 'utf8'))).toEqual(postmanCollection());
  });

  it('has a request for every documented operation, with auth and a body where needed', () => {
    const collection = postmanCollection();
    const requests = collection.item.flatMap(
      (folder) => folder.item as { request: Record<string, unknown> }[],
    );
    expect(requests.length).toBeGreaterThan(30);
    const login = requests.find(
      (r) =>
        (r.request.url as { raw: string }).raw === '{{baseUrl}}/api/user/login' &&
        r.request.method === 'POST',
    )!;
    expect(JSON.parse((login.request.body as { raw: string }).raw)).toEqual({ email: '', password: '' });
    const revoke = requests.find(
      (r) => (r.request.url as { raw: string }).raw === '{{baseUrl}}/api/user/revoke-refresh',
    )!;
    expect(revoke.request.auth).toMatchObject({ type: 'bearer' });
  });
});
