// Transpiles every package's TypeScript (src/ → dist/, file for file) with esbuild, skipping packages
// whose dist/ is newer than every source file, and bundles the monitor's admin web app with Vite (the
// same stamp rule, so an up-to-date tree loads no Vite). Type checking is tsc's job, in `npm test`.
// Once per install it also makes the embedded database's new-cluster template (see below).
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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

const allFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });

const tsFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [full] : [];
  });

const STAMP = '.built';
const upToDate = (stamp, files) => {
  if (!existsSync(stamp)) return false;
  const builtAt = statSync(stamp).mtimeMs;
  return files.every((file) => statSync(file).mtimeMs < builtAt);
};

// The admin web app (services/monitor/web) → static files the monitor serves at /admin.
const webApp = {
  root: path.join(root, 'services/monitor/web'),
  outDir: path.join(root, 'services/monitor/dist-web'),
};

async function buildWebApp(force) {
  const stamp = path.join(webApp.outDir, STAMP);
  // The lockfile too: a new Preact, Chart.js or Pico changes the bundle as much as a source file does.
  const files = [...allFiles(webApp.root), path.join(root, 'package-lock.json')];
  if (!force && upToDate(stamp, files)) return false;
  // Loaded only when the app is stale: importing Vite alone costs more than checking every stamp.
  const vite = await import('vite');
  // Vite sets NODE_ENV=production when it is unset, for the rest of this process: npm start's whole
  // platform and the test runner (whose children inherit it; `npm ci` would then skip devDependencies).
  const nodeEnv = process.env.NODE_ENV;
  try {
    await viteBuild(vite);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  return true;
}

function viteBuild(vite) {
  return vite.build({
    root: webApp.root,
    base: '/admin/',
    configFile: false,
    logLevel: 'warn',
    // Preact's automatic JSX runtime (Vite 8 transforms with Oxc; its `esbuild` option is deprecated).
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: webApp.outDir,
      emptyOutDir: true,
      // The gateway's CSP allows no inline script: keep every script a file.
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
    },
  });
}

// A new PGlite cluster's tarball, made once per install as a distribution's package runs initdb at
// install time: `npm start` on a new data directory (and a service on its own PGlite) then starts from
// it in under a second instead of running initdb for ~3 s. Named by PGlite's version under
// node_modules/.cache, so `npm ci` and upgrades leave no stale one; libs/common/src/db/cluster-template.ts
// finds it by the same rule (e2e/cluster-template.test.ts holds the two together). It runs while esbuild
// and Vite work, which do most of theirs off this thread.
export function clusterTemplatePath() {
  const folder = path.join(root, 'node_modules/@electric-sql/pglite');
  const { version } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
  return path.join(root, 'node_modules/.cache/sproul', `pglite-${version}-cluster.tar`);
}

async function makeClusterTemplate(force) {
  const file = clusterTemplatePath();
  if (!force && existsSync(file)) return false;
  const { PGlite } = await import('@electric-sql/pglite');
  const instance = await PGlite.create({});
  try {
    const tarball = Buffer.from(await (await instance.dumpDataDir('none')).arrayBuffer());
    mkdirSync(path.dirname(file), { recursive: true });
    // Renamed into place: a build stopped half-way, or one beside it, never leaves half a tarball.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, tarball);
    renameSync(partial, file);
  } finally {
    await instance.close();
  }
  return true;
}

export async function buildAll({ force = false } = {}) {
  let built = 0;
  await Promise.all([
    // Only a head start: where it cannot be made (node_modules read-only…), a new cluster runs initdb.
    makeClusterTemplate(force).catch((error) => {
      console.warn(`no new-cluster template (a new database will run initdb): ${error.message}`);
    }),
    buildWebApp(force).then((didBuild) => {
      if (didBuild) built += 1;
    }),
    ...packages.map(async (dir) => {
      const files = tsFiles(path.join(dir, 'src'));
      if (!force && upToDate(path.join(dir, 'dist', STAMP), files)) return;
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
  ]);
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const built = await buildAll({ force: process.argv.includes('--force') });
  console.log(`built ${built} of ${packages.length + 1} packages in ${Date.now() - started} ms`);
}
