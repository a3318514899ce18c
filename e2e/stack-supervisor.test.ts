import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '@sproul/common/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type ProcessSpec, Supervisor } from '../scripts/src/supervisor.js';

const node = (name: string, script: string, env: NodeJS.ProcessEnv = {}): ProcessSpec => ({
  name,
  command: process.execPath,
  args: ['-e', script],
  env: { ...process.env, ...env },
});
const LONG_RUNNING = 'setInterval(() => {}, 1000); process.on("SIGTERM", () => process.exit(0));';

// `npm run stack`'s supervisor, with small processes standing in for the services.
describe('the stack supervisor', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'supervisor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restarts a process that dies, with a growing back-off, and leaves the others running', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({ restartBaseMs: 50, write: (line) => lines.push(line) });
    // Dies twice (a marker file counts its runs), then stays up.
    const runs = path.join(dir, 'runs');
    supervisor.add(
      node(
        'flaky',
        `const fs = require('node:fs'); const n = (fs.existsSync(process.env.RUNS) ? Number(fs.readFileSync(process.env.RUNS, 'utf8')) : 0) + 1;
         fs.writeFileSync(process.env.RUNS, String(n)); if (n <= 2) process.exit(3); ${LONG_RUNNING}`,
        { RUNS: runs },
      ),
    );
    supervisor.add(node('steady', LONG_RUNNING));
    await eventually(
      () => lines.filter((line) => line.startsWith('flaky') && line.includes('started')).length === 3,
    );
    expect(lines).toContainEqual(expect.stringMatching(/^flaky +\| exited \(code 3\); restart 1 in 50 ms$/));
    expect(lines).toContainEqual(expect.stringMatching(/^flaky +\| exited \(code 3\); restart 2 in 100 ms$/));
    expect(lines.filter((line) => line.startsWith('steady') && line.includes('started'))).toHaveLength(1);

    // SIGTERM (stop) takes every process down cleanly and ends with 0.
    expect(await supervisor.stop(0)).toBe(0);
    expect(await supervisor.done).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^steady +\| stopped \(code 0\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^flaky +\| stopped/));
  });

  it('gives up, stopping everything and ending non-zero, when a process keeps dying', async () => {
    const lines: string[] = [];
    const supervisor = new Supervisor({
      restartBaseMs: 20,
      maxRestarts: 3,
      write: (line) => lines.push(line),
    });
    const marker = path.join(dir, 'steady-stopped');
    supervisor.add(node('doomed', 'process.exit(1)'));
    supervisor.add(
      node(
        'steady',
        `process.on("SIGTERM", () => { require("node:fs").writeFileSync(process.env.MARK, "1"); process.exit(0); }); setInterval(() => {}, 1000);`,
        {
          MARK: marker,
        },
      ),
    );
    expect(await supervisor.done).toBe(1);
    expect(
      lines.filter((line) => /^doomed +\| exited/.test(line)).map((line) => line.split('; ')[1]),
    ).toEqual([
      'restart 1 in 20 ms',
      'restart 2 in 40 ms',
      'restart 3 in 80 ms',
      'giving up after 3 restarts in a row, stopping everything',
    ]);
    expect(existsSync(marker)).toBe(true);
  });
});
