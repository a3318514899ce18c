// Another revision of the repository, checked out and built next to this one for a side-by-side run:
// a detached git worktree in /tmp with this checkout's node_modules hard-linked in (or its own, installed
// from its lockfile when that differs: it may need packages this checkout dropped), removed afterwards.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });

/** Every directory holding a node_modules of its own: the root and the workspace packages that have one. */
const nodeModulesDirs = (root: string) =>
  [
    '.',
    ...['libs', 'services'].flatMap((group) =>
      existsSync(path.join(root, group))
        ? readdirSync(path.join(root, group)).map((name) => `${group}/${name}`)
        : [],
    ),
    'scripts',
    'bench',
    'e2e',
  ].filter((dir) => existsSync(path.join(root, dir, 'node_modules')));

export async function withBaselineWorktree<T>(
  root: string,
  rev: string,
  measure: (dir: string) => Promise<T>,
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sproul-baseline-'));
  try {
    run('git', ['worktree', 'add', '--detach', dir, rev], root);
    const lockfile = (at: string) => readFileSync(path.join(at, 'package-lock.json'), 'utf8');
    if (lockfile(dir) !== lockfile(root)) {
      run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], dir);
      run(process.execPath, ['scripts/build.mjs', '--force'], dir);
      return await measure(dir);
    }
    for (const sub of nodeModulesDirs(root)) {
      if (existsSync(path.join(dir, sub))) {
        run('cp', ['-al', path.join(root, sub, 'node_modules'), path.join(dir, sub, 'node_modules')], root);
      }
    }
    run(process.execPath, ['scripts/build.mjs', '--force'], dir);
    return await measure(dir);
  } finally {
    try {
      run('git', ['worktree', 'remove', '--force', dir], root);
    } catch {
      rmSync(dir, { recursive: true, force: true });
      run('git', ['worktree', 'prune'], root);
    }
  }
}
