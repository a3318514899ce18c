// Entry point of the README's commands. Uses only Node's standard library, so it runs on a fresh
// clone: installs dependencies when they are missing or stale, builds, then does what was asked.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [command = 'start', ...rest] = process.argv.slice(2);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.error('Installing dependencies (npm ci)…');
  const status = run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  if (status !== 0) process.exit(status);
}

async function build() {
  const { buildAll } = await import('./build.mjs');
  await buildAll();
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// Runs the target in a child, forwarding signals so Ctrl-C and SIGTERM stop it cleanly.
function exec(file, args) {
  const child = spawn(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

ensureInstalled();
await build();

switch (command) {
  case 'start':
    exec(path.join(root, 'scripts/dist/embedded.js'), rest);
    break;
  case 'stack':
    exec(path.join(root, 'scripts/dist/stack.js'), rest);
    break;
  case 'run':
    exec(path.resolve(root, rest[0]), rest.slice(1));
    break;
  case 'test': {
    const steps = [
      ['lint', bin('biome'), ['check', '--error-on-warnings', '.']],
      ['typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
      ['tests', bin('vitest'), ['run', ...rest]],
    ];
    for (const [name, cmd, args] of steps) {
      console.error(`\n▶ ${name}`);
      const status = run(cmd, args);
      if (status !== 0) {
        console.error(`✖ ${name} failed`);
        process.exit(status);
      }
    }
    break;
  }
  default:
    console.error(`unknown command ${command}: use start, stack, test or run <file>`);
    process.exit(2);
}
