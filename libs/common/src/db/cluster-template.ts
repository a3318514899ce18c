import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where the build keeps a new PGlite cluster's tarball (scripts/build.mjs makes it once per install,
 * as a distribution's package runs initdb at install time): under node_modules/.cache, named by
 * PGlite's version, so `npm ci` or an upgrade of PGlite leaves no stale one behind. A new data
 * directory starts from it in under a second instead of running initdb (~3 s, more on a loaded machine).
 *
 * The build script computes the same path (it cannot import this file: it runs before anything is
 * built); e2e/cluster-template.test.ts holds the two to one rule.
 */
export function clusterTemplatePath(): string {
  // PGlite exports no package.json: walk up from its entry point to its folder.
  let folder = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  let manifest = readManifest(folder);
  while (manifest?.name !== '@electric-sql/pglite') {
    if (path.dirname(folder) === folder) throw new Error('PGlite has no package.json above its entry point');
    folder = path.dirname(folder);
    manifest = readManifest(folder);
  }
  const { version } = manifest;
  // …/node_modules/@electric-sql/pglite → …/node_modules
  const nodeModules = path.resolve(folder, '..', '..');
  return path.join(nodeModules, '.cache', 'sproul', `pglite-${version}-cluster.tar`);
}

function readManifest(folder: string): { name?: string; version: string } | undefined {
  const file = path.join(folder, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** The build's template when it made one (none in an image or checkout that was never built). */
export function builtClusterTemplate(): string | undefined {
  const file = clusterTemplatePath();
  return existsSync(file) ? file : undefined;
}
