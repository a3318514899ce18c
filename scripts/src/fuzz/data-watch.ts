import type { PGlite } from '@electric-sql/pglite';
import type { DataWatch } from '@sproul/common/testing';

/**
 * Tables a refused request may change, and why. Everything else must read the same before and after
 * a 4xx answer.
 */
export const MAY_CHANGE_ON_REFUSAL: Record<string, string> = {};

const SCHEMAS = ['auth', 'catalog', 'media', 'mailer', 'recommender', 'monitor', 'engagement'];

/**
 * Proves that refused requests change no data, cheaply: PostgreSQL hands out a transaction id to every
 * transaction that writes, so while the next id to be handed out (the snapshot's xmax) stays the same,
 * nothing was written at all. When it moves during a refused request, every table of every service is
 * digested (md5 of its rows) once the platform is quiet again (consumers of the events a request
 * published are done), and compared with the digest taken before.
 */
export async function watchData(client: PGlite): Promise<DataWatch & { tables: number }> {
  const listed = await client.query<{ table_schema: string; table_name: string }>(
    `select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema = any($1) order by 1, 2`,
    [SCHEMAS],
  );
  const names = listed.rows.map((row) => `${row.table_schema}.${row.table_name}`);
  const digestSql = listed.rows
    .map(
      (row) =>
        `select '${row.table_schema}.${row.table_name}' as t, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as d from "${row.table_schema}"."${row.table_name}" x`,
    )
    .join(' union all ');

  const nextXid = async () =>
    (await client.query<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x')).rows[0]!
      .x;
  const digest = async () =>
    new Map((await client.query<{ t: string; d: string }>(digestSql)).rows.map((row) => [row.t, row.d]));
  /** Waits until nothing has been written for a while (events delivered, consumers done): the xid to come. */
  const quiet = async () => {
    let last = await nextXid();
    let stable = 0;
    const deadline = Date.now() + 15_000;
    while (stable < 5 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const now = await nextXid();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
    return last;
  };

  let known = { xid: await quiet(), tables: await digest() };
  let before = known.xid;
  return {
    tables: names.length,
    async before() {
      before = await nextXid();
      if (before === known.xid) return;
      // Written since the last digest (an accepted request, its events): the new state is the reference.
      known = { xid: await quiet(), tables: await digest() };
      before = known.xid;
    },
    async after(rejected) {
      if (!rejected || (await nextXid()) === before) return [];
      const xid = await quiet();
      const tables = await digest();
      const changed = [...tables]
        .filter(([table, value]) => known.tables.get(table) !== value && !(table in MAY_CHANGE_ON_REFUSAL))
        .map(([table]) => table);
      known = { xid, tables };
      return changed;
    },
  };
}
