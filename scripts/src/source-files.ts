// The TypeScript sources counted by `npm run stats:size`: every `.ts` file under services/*/src and
// libs/*/src, not declarations nor tests, read from the working tree or from any git revision.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SourceFile {
  path: string;
  lines: number;
}

const SOURCE = /^(services|libs)\/[^/]+\/src\/.+\.ts$/;
const isSource = (file: string) => SOURCE.test(file) && !/\.d\.ts$|\.(test|spec)\.ts$/.test(file);

const git = (root: string, args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Lines as an editor numbers them: a final newline does not start another line. */
export const countLines = (text: string) => (text === '' ? 0 : text.replace(/\n$/, '').split('\n').length);

/** The working tree's sources, tracked or not (ignored files, such as dist/, left out). */
export function workingTreeSources(root: string): SourceFile[] {
  const listed = git(root, ['ls-files', '--cached', '--others', '--exclude-standard']).split('\n');
  return listed.filter(isSource).flatMap((file) => {
    try {
      return [{ path: file, lines: countLines(readFileSync(path.join(root, file), 'utf8')) }];
    } catch {
      return []; // deleted in the working tree but not yet in the index
    }
  });
}

/** The sources of a revision, read with `git show` (no checkout). */
export function revisionSources(root: string, rev: string): SourceFile[] {
  const listed = git(root, ['ls-tree', '-r', '--name-only', rev]).split('\n');
  return listed
    .filter(isSource)
    .map((file) => ({ path: file, lines: countLines(git(root, ['show', `${rev}:${file}`])) }));
}
