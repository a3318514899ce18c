import type { PGlite } from '@electric-sql/pglite';
import type { DataWatch } from '@sproul/common/testing';

/**
 * Tables a refused request may change, and why. Everything else must read the same before and after
 * a 4xx answer.
 */
export const MAY_CHANGE_ON_REFUSAL: Record<string, string> = {};

// Quiet: no transaction for this many polls in a row. Short: a write that comes later than this (a
// retry, a debounced job) is caught by sending the refused request again (run.ts) before reporting.
const QUIET_POLLS = 3;
const QUIET_POLL_MS = 30;

const SCHEMAS = ['auth', 'catalog', 'media', 'mailer', 'recommender', 'monitor', 'engagement'];

/**
 * Proves that refused requests change no data, cheaply: PostgreSQL hands out a transaction id to every
 * transaction that writes, so while the next id to be handed out (the snapshot's xmax) stays the same,
 * nothing was written at all. When it moves during a refused request, every table of every service is
 * digested (a count and a sum of hashes of its rows) once the platform is quiet again (consumers of the events a request
 * published are done), and compared with the digest taken before.
 */
export async function watchData(client: PGlite) {
  const listed = await client.query<{ table_schema: string; table_name: string }>(
    `select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema = any($1) order by 1, 2`,
    [SCHEMAS],
  );
  const names = listed.rows.map((row) => `${row.table_schema}.${row.table_name}`);
  // Rows as text, hashed and summed (no sort, no large string): order-free, and any change of a row, a
  // new row or a missing one changes the count or the sum. Outboxes and inboxes (every event a service
  // ever sent or applied, megabytes) by their count only: an event a refused request published or
  // applied is a row more, and the relay's marks on rows already there are no request's doing.
  const digestSql = listed.rows
    .map(({ table_schema: schema, table_name: table }) => {
      const rows = /^(outbox|inbox)$/.test(table) ? `0` : 'sum(hashtextextended(x::text, 7))';
      return `select '${schema}.${table}' as t, count(*)::text || ':' || coalesce(${rows}, 0)::text as d from "${schema}"."${table}" x`;
    })
    .join(' union all ');

  const nextXid = async () =>
    (await client.query<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x')).rows[0]!
      .x;
  const figures = { digests: 0, digestMs: 0, quietMs: 0 };
  const digest = async () => {
    const started = Date.now();
    const rows = (await client.query<{ t: string; d: string }>(digestSql)).rows;
    figures.digests++;
    figures.digestMs += Date.now() - started;
    return new Map(rows.map((row) => [row.t, row.d]));
  };
  /** Waits until nothing has been written for a while (events delivered, consumers done): the xid to come. */
  const quiet = async () => {
    const started = Date.now();
    let last = await nextXid();
    let stable = 0;
    const deadline = Date.now() + 15_000;
    while (stable < QUIET_POLLS && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_POLL_MS));
      const now = await nextXid();
      stable = now === last ? stable + 1 : 0;
      last = now;
    }
    figures.quietMs += Date.now() - started;
    return last;
  };

  let known = { xid: await quiet(), tables: await digest() };
  let before = known.xid;
  const watch: DataWatch = {
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
  return { watch, tables: names.length, figures };
}
