import { eventually } from '@sproul/common/testing';

/** Issue 22: a change shows in every replica's answers within a second of its commit. */
export const ONE_SECOND = 1_000;

/**
 * Runs `write`, then polls `changed` until it holds: answers the ms from the write's completion (its
 * commit, for a route) to the first answer that shows it. The overall wait is generous (a loaded CI
 * machine); the caller asserts the bound on what this answers.
 */
export async function msUntil(write: () => Promise<unknown>, changed: () => Promise<boolean>) {
  await write();
  const written = performance.now();
  await eventually(changed, 15_000, 10);
  return performance.now() - written;
}

/** A gauge's value on a service's `/metrics` (Prometheus text). */
export async function gaugeOf(metricsUrl: string, name: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  // `name{service="catalog"} 42`: the registry's default labels, if any, come between.
  const value = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1];
  if (value === undefined) throw new Error(`${name} is not on ${metricsUrl}`);
  return Number(value);
}
