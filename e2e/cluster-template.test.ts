import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtClusterTemplate, clusterTemplatePath, EmbeddedPostgres } from '@sproul/common/db/embedded';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM script without type declarations
import { clusterTemplatePath as buildsTemplatePath } from '../scripts/build.mjs';

// The build makes a new PGlite cluster once per install (scripts/build.mjs), and a new data directory
// starts from it instead of running initdb (libs/common/src/db/cluster-template.ts finds it).
describe('the build’s new-cluster template', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-cluster-template-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is where the embedded database looks for it, named by the PGlite version the lockfile installs', () => {
    expect(clusterTemplatePath()).toBe(buildsTemplatePath());
    expect(path.basename(clusterTemplatePath())).toMatch(/^pglite-\d+\.\d+\.\d+-cluster\.tar$/);
    // The run's global setup built the tree, as npm start and npm test do.
    expect(builtClusterTemplate()).toBe(clusterTemplatePath());
  });

  it('gives a new data directory a whole cluster, which keeps its data across a restart', async () => {
    const first = await EmbeddedPostgres.open(dataDir);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    await first.client.exec("create table notes (body text); insert into notes values ('kept')");
    await first.close();
    const again = await EmbeddedPostgres.open(dataDir);
    try {
      const { rows } = await again.client.query<{ body: string }>('select body from notes');
      expect(rows).toEqual([{ body: 'kept' }]);
    } finally {
      await again.close();
    }
  });
});
