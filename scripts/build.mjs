// Transpiles every package's TypeScript (src/ → dist/, file for file) with esbuild, skipping packages
// whose dist/ is newer than every source file. Type checking is tsc's job, in `npm test`.
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packages = [
  ...['libs', 'services'].flatMap((dir) =>
    readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)),
  ),
  path.join(root, 'scripts'),
  path.join(root, 'bench'),
].filter((dir) => existsSync(path.join(dir, 'src')));

const tsFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });

const STAMP = '.built';
const upToDate = (dir, files) => {
  const stamp = path.join(dir, 'dist', STAMP);
  if (!existsSync(stamp)) return false;
  const builtAt = statSync(stamp).mtimeMs;
  return files.every((file) => statSync(file).mtimeMs < builtAt);
};

export async function buildAll({ force = false } = {}) {
  let built = 0;
  await Promise.all(
    packages.map(async (dir) => {
      const files = tsFiles(path.join(dir, 'src'));
      if (!force && upToDate(dir, files)) return;
      built += 1;
      rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
      await build({
        entryPoints: files,
        outdir: path.join(dir, 'dist'),
        outbase: path.join(dir, 'src'),
        format: 'esm',
        platform: 'node',
        target: 'node20',
        sourcemap: 'linked',
        logLevel: 'warning',
      });
      writeFileSync(path.join(dir, 'dist', STAMP), `${new Date().toISOString()}\n`);
    }),
  );
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = await buildAll({ force: process.argv.includes('--force') });
  console.log(`built ${built} of ${packages.length} packages in ${Date.now() - started} ms`);
}
