// Module hook (module.register) for import-child.ts: notes which heavy packages an import resolved to,
// and tells the main thread when it asks.
import type { InitializeHook, ResolveHook } from 'node:module';
import type { MessagePort } from 'node:worker_threads';
import { HEAVY_PACKAGES } from './heavy-packages.js';

const loaded = new Set<string>();

export const initialize: InitializeHook<{ port: MessagePort }> = ({ port }) => {
  port.on('message', () => port.postMessage([...loaded]));
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  for (const name of HEAVY_PACKAGES) if (resolved.url.includes(`/node_modules/${name}/`)) loaded.add(name);
  return resolved;
};
