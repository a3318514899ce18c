import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateClub } from '../src/domain/update-club.js';
import { type CatalogHarness, startCatalogHarness } from './catalog-harness.js';

// Two officers rename their clubs to the same name at the same instant, on PostgreSQL (concurrent
// transactions): each gets a distinct link name, or the loser a 409 to retry, never a 500.
describe('concurrent renames to one name (postgres)', () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness({}, 'postgres');
  }, 60_000);
  afterAll(() => catalog?.close());

  it('never produces two clubs with one link name, nor a server error', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await catalog.addClubs([{ name: `First ${round}` }, { name: `Second ${round}` }]);
      const name = `Same Name ${round}`;
      const outcomes = await Promise.allSettled([
        updateClub(catalog.service.context, a!.id, { name }),
        updateClub(catalog.service.context, b!.id, { name }),
      ]);
      const renamed = outcomes.flatMap((outcome) =>
        outcome.status === 'fulfilled' ? [outcome.value.linkName] : [],
      );
      expect(new Set(renamed).size).toBe(renamed.length);
      expect(renamed).toContain(`same-name-${round}`);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ status: 409 });
      }
    }
  });
});
