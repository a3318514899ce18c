/**
 * Catalog searches answered by this replica since the last report. A search is the catalog's hot path
 * (bench:catalog): counting one is an increment in memory; the count is published once per interval.
 */
export function searchCounter(now: () => Date = () => new Date()) {
  let count = 0;
  let since = now();
  return {
    count() {
      count += 1;
    },
    /** The count since the last take, and the interval it covers; the counter starts again from zero. */
    take(at = now()) {
      // A clock set back (or a test's fixed one) must not give an interval that ends before it starts.
      const taken = { from: since <= at ? since : at, to: at, count };
      count = 0;
      since = at;
      return taken;
    },
    /** Puts back a count that could not be reported (its interval now starts earlier). */
    giveBack(taken: { from: Date; count: number }) {
      count += taken.count;
      if (taken.from < since) since = taken.from;
    },
  };
}

export type SearchCounter = ReturnType<typeof searchCounter>;
