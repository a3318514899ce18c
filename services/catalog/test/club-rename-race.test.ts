import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

// Two officers rename their clubs to the same name at the same instant, on PostgreSQL (concurrent
// transactions), through the route they use: each gets a distinct link name, or the loser a 409 to
// retry (the unique index's violation, mapped by the common error handler), never a 500.
describe('concurrent renames to one name through POST /api/admin/profile (postgres)', () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness({}, 'postgres');
  }, 60_000);
  afterAll(() => catalog?.close());

  it('never produces two clubs with one link name, nor a server error', async () => {
    for (let round = 0; round < 5; round++) {
      const owners = [crypto.randomUUID(), crypto.randomUUID()];
      await catalog.addClubs([
        { name: `First ${round}`, ownerUserId: owners[0] },
        { name: `Second ${round}`, ownerUserId: owners[1] },
      ]);
      const tokens = await Promise.all(owners.map((sub) => catalog.auth.token('officer', { sub })));
      const name = `Same Name ${round}`;
      const answers = await Promise.all(
        tokens.map((token) => call(catalog.url('/api/admin/profile'), { body: { name }, token })),
      );
      for (const answer of answers) {
        expect([200, 409], JSON.stringify(answer.body)).toContain(answer.status);
        if (answer.status === 409) expect(answer.body).toMatchObject({ status: 'error', data: null });
      }
      expect(answers.some((answer) => answer.status === 200)).toBe(true);
      const linkNames = await Promise.all(
        tokens.map(
          async (token) => (await call(catalog.url('/api/admin/profile'), { token })).body.link_name,
        ),
      );
      expect(new Set(linkNames).size).toBe(2);
      expect(linkNames).toContain(`same-name-${round}`);
    }
  });
});
