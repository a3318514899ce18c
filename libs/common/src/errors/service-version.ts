import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The version in the nearest package.json at or above `from` (a service's start script: its own
 * package, in the repository and in its image alike); `unknown` when there is none.
 */
export function serviceVersion(from = process.argv[1] ?? process.cwd()): string {
  let dir = path.dirname(path.resolve(from));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
        if (typeof version === 'string') return version;
      } catch {
        // A package.json we cannot read says nothing about the version: keep looking above.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
