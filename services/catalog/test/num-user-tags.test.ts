import { readFileSync } from 'node:fs';
import { rowsOf } from '@sproul/common/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

// The web client shows a club's size from its own table by id; the sign-up form shows ours. They agree
// only when ours are the client's labels.
const CLIENT_BUCKETS = ['< 10', '10-20', '20-50', '50-100', '100+'];
const FIRST_DEFAULTS = ['1-20', '21-50', '51-100', '101-250', '250+'];
const migration = readFileSync(new URL('../drizzle/0007_client_size_buckets.sql', import.meta.url), 'utf8');

describe('club size buckets (num-user tags)', () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness();
  }, 60_000);
  afterAll(() => catalog?.close());

  const setSizes = async (values: string[]) => {
    await catalog.db.execute(sql`delete from catalog.num_user_tags`);
    for (const [id, value] of values.entries()) {
      await catalog.db.execute(sql`insert into catalog.num_user_tags (id, value) values (${id}, ${value})`);
    }
  };
  const sizes = async () =>
    rowsOf<{ value: string }>(
      await catalog.db.execute(sql`select value from catalog.num_user_tags order by id`),
    ).map((row) => row.value);

  it("starts a new campus with the web client's labels, ids 0-4", async () => {
    const res = await call(catalog.url('/api/catalog/num-user-tags'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(CLIENT_BUCKETS.map((value, id) => ({ id, value })));
  });

  it('renames the first defaults of an existing database, keeping ids', async () => {
    await setSizes(FIRST_DEFAULTS);
    await catalog.db.execute(sql.raw(migration));
    expect(await sizes()).toEqual(CLIENT_BUCKETS);
  });

  it('leaves a list an admin has edited as it is', async () => {
    const edited = ['1-20', '21-50', 'About a hundred', '101-250', '250+'];
    await setSizes(edited);
    await catalog.db.execute(sql.raw(migration));
    expect(await sizes()).toEqual(edited);
    await setSizes([...FIRST_DEFAULTS, '1000+']);
    await catalog.db.execute(sql.raw(migration));
    expect(await sizes()).toEqual([...FIRST_DEFAULTS, '1000+']);
  });
});
