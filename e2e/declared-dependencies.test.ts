import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceNames } from './support/deploy-files.js';
import { repoRoot } from './support/processes.js';

// A service's image installs only the packages its own package.json lists (and libs/common's): a
// package it imports without listing works here only because npm hoists workspaces' dependencies to
// the root, and would be missing, or another version, in its image.

/** Imports only the embedded mode makes (`npm start`, which installs the whole workspace). */
const EMBEDDED_ONLY: Record<string, string[]> = { media: ['s3rver'], mailer: ['aws-ses-v2-local'] };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [file] : [];
  });
}

/** The packages a file imports: `@scope/name` or `name`, without subpaths, node builtins or our workspaces. */
function importedPackages(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^(?:import|export)\s[^;]*?\bfrom\s+'([^']+)'/gms),
    ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
  ].map(([, specifier]) => specifier!);
  return specifiers
    .filter((specifier) => !/^(node:|@sproul\/|\.)/.test(specifier))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

describe('each service lists the packages it imports', () => {
  it.each(serviceNames)('%s', (service) => {
    const manifest = JSON.parse(
      readFileSync(path.join(repoRoot, 'services', service, 'package.json'), 'utf8'),
    );
    const listed = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
      ...(EMBEDDED_ONLY[service] ?? []),
    ]);
    const unlisted = new Set<string>();
    for (const file of sourceFiles(path.join(repoRoot, 'services', service, 'src'))) {
      for (const name of importedPackages(file))
        if (!listed.has(name)) unlisted.add(`${name} (${path.relative(repoRoot, file)})`);
    }
    expect([...unlisted]).toEqual([]);
  });
});
