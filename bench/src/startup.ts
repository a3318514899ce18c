// Time from launching the embedded runner (`npm start` after install and build) to the gateway
// answering /healthz: cold (new data directory) and warm (reopening it). `npm run bench:startup`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.js';
import { fmt, median } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

async function timeToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts/dist/embedded.js')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`embedded runner exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(500) });
        if (res.ok) return (performance.now() - started) / 1000;
      } catch {}
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < rounds; i++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-startup-'));
  try {
    cold.push(await timeToHealthy(dataDir));
    warm.push(await timeToHealthy(dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`round ${i + 1}: cold ${fmt(cold.at(-1)!, 2)} s, warm ${fmt(warm.at(-1)!, 2)} s`);
}
console.log(`startup: cold=${fmt(median(cold), 2)}s warm=${fmt(median(warm), 2)}s (target ≤ 10 s)`);
