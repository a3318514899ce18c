const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** `1mb` → 1048576, as body-parser reads the same setting in the services. */
export function bodyLimitBytes(limit: string): number {
  const match = /^(\d+)(b|kb|mb)?$/i.exec(limit.trim());
  if (!match) throw new Error(`invalid body limit ${limit}`);
  return Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1);
}
