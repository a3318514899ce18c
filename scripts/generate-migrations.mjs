// Regenerates drizzle-kit migrations for every package that has a drizzle.config.ts, after a build
// (schemas import @sproul/common, which resolves to its built dist/ outside vitest).
// Usage: npm run db:generate [-- --name describe_the_change]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildAll();
const dirs = [
  ...readdirSync(path.join(root, 'services')).map((name) => path.join(root, 'services', name)),
  path.join(root, 'libs/common/test/fixtures'),
  path.join(root, 'bench'),
].filter((dir) => existsSync(path.join(dir, 'drizzle.config.ts')));
for (const dir of dirs) {
  console.log(`\n${path.relative(root, dir)}`);
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/drizzle-kit'),
    ['generate', ...process.argv.slice(2)],
    {
      cwd: dir,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
