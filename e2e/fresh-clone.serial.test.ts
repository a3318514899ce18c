import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '@sproul/common/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, launch, repoRoot, type Spawned, waitForHttp } from './support/processes.js';

// The README's first command on a fresh clone of the committed tree: it must install, build and serve.
describe('npm start from a fresh clone', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sproul-clone-'));
  let running: Spawned | undefined;

  afterAll(async () => {
    await running?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs, builds, and answers /healthz through the gateway within 15 s of installing', {
    timeout: 300_000,
  }, async () => {
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', repoRoot, dir]);
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false);
    const port = await freePort();
    running = launch('npm', ['start'], {
      cwd: dir,
      env: { PORT: String(port), LOG_LEVEL: 'warn', npm_config_prefer_offline: 'true' },
    });
    // Installing takes what the network and cache allow; the 15 s start once the build is done.
    const built = path.join(dir, 'libs/common/dist/.built');
    const child = running.child;
    // Done, or given up: npm exiting ends the wait at once rather than at the deadline.
    await eventually(() => existsSync(built) || child.exitCode !== null, 240_000, 100).catch(() => {});
    if (!existsSync(built)) {
      throw new Error(`install and build did not finish:\n${running.output().slice(-2000)}`);
    }
    const ms = await waitForHttp(`http://127.0.0.1:${port}/healthz`, 15_000, running);
    expect(ms).toBeLessThan(15_000);
    expect(existsSync(path.join(dir, '.data/embedded'))).toBe(true);
  });
});
