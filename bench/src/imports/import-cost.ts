import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-child.js');

async function ask<T>(entry: string, mode: 'time' | 'heavy'): Promise<T> {
  const { stdout } = await run(process.execPath, [child, entry, mode], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    maxBuffer: 16 * 1024 * 1024,
  });
  // The last line is the child's answer, whatever the imported code printed before it.
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
}

/** One fresh process's time to import the entry (ms) and its resident memory right after (bytes). */
export const timeImport = (entry: string) => ask<{ ms: number; rss: number }>(entry, 'time');

/** Which of HEAVY_PACKAGES importing the entry loads. */
export const heavyModules = async (entry: string) => (await ask<{ heavy: string[] }>(entry, 'heavy')).heavy;
