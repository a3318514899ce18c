import type { ReadinessChecks } from '@sproul/common/http';

/** The gateway is ready when every service it forwards to has an instance that says it is. */
export const serviceReadiness = (targets: Record<string, string[]>): ReadinessChecks =>
  Object.fromEntries(
    Object.entries(targets).map(([name, urls]) => [name, () => Promise.any(urls.map(checkReady))]),
  );

async function checkReady(url: string) {
  const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(1_500) });
  if (!response.ok) throw new Error(`readyz answered ${response.status}`);
}
