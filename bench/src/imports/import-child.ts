// Run by import-cost.ts in a fresh node: `import-child.js <entry> time` imports the entry and prints how
// long that took and the resident memory after it; `import-child.js <entry> heavy` prints which of
// HEAVY_PACKAGES the import loaded (ESM resolutions seen by a module hook, CommonJS ones in
// require.cache), with the hook in place, so that run is not timed.
import { once } from 'node:events';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { HEAVY_PACKAGES } from './heavy-packages.js';

const [entry, mode] = process.argv.slice(2);
if (!entry || (mode !== 'time' && mode !== 'heavy')) {
  process.stderr.write('usage: import-child.js <entry.js> time|heavy\n');
  process.exit(2);
}
const url = pathToFileURL(entry).href;

if (mode === 'time') {
  const started = performance.now();
  await import(url);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss }));
} else {
  const { port1, port2 } = new MessageChannel();
  register('./resolve-hook.js', import.meta.url, { data: { port: port2 }, transferList: [port2] });
  await import(url);
  port1.postMessage('report');
  const [viaEsm] = (await once(port1, 'message')) as [string[]];
  const cached = Object.keys(createRequire(import.meta.url).cache);
  const viaCjs = HEAVY_PACKAGES.filter((name) =>
    cached.some((file) => file.includes(`/node_modules/${name}/`)),
  );
  console.log(
    JSON.stringify({ heavy: HEAVY_PACKAGES.filter((name) => [...viaEsm, ...viaCjs].includes(name)) }),
  );
}
// The imported code may hold timers or sockets; the answer is printed.
process.exit(0);
