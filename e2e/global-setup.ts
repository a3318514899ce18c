import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// @ts-expect-error: plain ESM script without type declarations
import { buildAll } from '../scripts/build.mjs';

export default async function setup() {
  // Child-process tests run the built dist/ (as npm start does): build whatever is stale first.
  await buildAll();
  // One new PGlite cluster for the whole run: each embedded database a test opens starts from it
  // instead of running initdb (seconds each, in a hundred files). Test processes inherit its path.
  const dir = mkdtempSync(path.join(tmpdir(), 'sproul-test-run-'));
  // Imported once built (a fresh clone has no dist/ before buildAll).
  const { makePgliteTemplate } = await import('@sproul/common/testing');
  await makePgliteTemplate(dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
