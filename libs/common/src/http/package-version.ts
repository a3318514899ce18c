import { readFileSync } from 'node:fs';

/**
 * The `version` of a package.json, read once at start. Each service passes its own
 * (`new URL('../package.json', import.meta.url)`: the same path from `src/` and from `dist/`, and the
 * image copies that file), so services deployed apart each report what they run.
 */
export function packageVersion(packageJson: URL): string {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || version === '')
    throw new Error(`${packageJson.pathname} has no version`);
  return version;
}
