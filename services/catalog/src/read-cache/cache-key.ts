/**
 * A key for a route's parsed input: the same request written differently (`skip=0&limit=20`, an unknown
 * parameter the schema dropped) is one entry, and keys are never longer than the schema lets values be.
 */
export function cacheKey(route: string, input: Record<string, unknown>): string {
  const present = Object.entries(input)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${route}?${JSON.stringify(present)}`;
}
