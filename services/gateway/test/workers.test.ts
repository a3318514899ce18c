import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const startScript = fileURLToPath(new URL('../dist/start.js', import.meta.url));

/** Starts the standalone gateway with two workers; resolves with the workers' command lines. */
async function workerCommandLines(env: Record<string, string>): Promise<string[]> {
  const primary = spawn(process.execPath, [startScript], {
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      GATEWAY_WORKERS: '2',
      AUTH_URL: 'http://127.0.0.1:9',
      CATALOG_URL: 'http://127.0.0.1:9',
      REDIS_URL: '',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.push(primary);
  let listening = 0;
  await new Promise<void>((resolve, reject) => {
    primary.stdout!.on('data', (chunk: Buffer) => {
      listening += chunk.toString().split('gateway listening').length - 1;
      if (listening >= 2) resolve();
    });
    primary.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
  const workers = execFileSync('pgrep', ['-P', String(primary.pid)], { encoding: 'utf8' })
    .trim()
    .split('\n');
  return workers.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});

describe.skipIf(process.platform !== 'linux')('the standalone gateway’s worker processes', () => {
  it('start with a floor under V8’s young generation', async () => {
    const lines = await workerCommandLines({ NODE_OPTIONS: '' });
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toContain('--min-semi-space-size=16');
  });

  it('leave the young generation alone when the operator sized it', async () => {
    const lines = await workerCommandLines({ NODE_OPTIONS: '--max-semi-space-size=8' });
    for (const line of lines) expect(line).not.toContain('--min-semi-space-size');
  });
});
