import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchGroup, type ProcessGroup } from '@sproul/common/testing';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Ports below the ephemeral range for processes a test starts (libs/common/src/testing/free-ports.ts).
export { freePort, freePortRange, waitForHttp } from '@sproul/common/testing';

export type Spawned = ProcessGroup;

/** Starts a command (from the repository's root unless told otherwise) in its own process group. */
export function launch(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Spawned {
  return launchGroup(command, args, { cwd: options.cwd ?? repoRoot, env: options.env });
}
