import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** Where the test run's global setup leaves the template (inherited by every test process). */
const TEMPLATE_VARIABLE = 'SPROUL_PGLITE_TEMPLATE';

/**
 * Makes the tarball of a new PGlite cluster under `dir` and tells the run's test processes where it is:
 * every embedded database a test opens then starts from it instead of running initdb (3-5 s each, in
 * hundreds of test files).
 */
export async function makePgliteTemplate(dir: string): Promise<string> {
  const instance = await PGlite.create({});
  const file = path.join(dir, 'pglite-template.tar');
  try {
    writeFileSync(file, Buffer.from(await (await instance.dumpDataDir('none')).arrayBuffer()));
  } finally {
    await instance.close();
  }
  process.env[TEMPLATE_VARIABLE] = file;
  return file;
}

/** The run's template, for EmbeddedPostgres.open's `template` (none when a test runs outside vitest's setup). */
export const pgliteTemplate = (): string | undefined => process.env[TEMPLATE_VARIABLE] || undefined;
