/** The first sample of `name` in a Prometheus text exposition (labels ignored), or undefined. */
export function metricValue(text: string, name: string): number | undefined {
  const pattern = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+(\\S+)`, 'm');
  const match = pattern.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  return Number.isFinite(value) ? value : undefined;
}
