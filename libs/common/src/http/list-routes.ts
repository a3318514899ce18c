interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; _methods(): string[] };
  handle?: { stack?: LayerLike[] };
}

/** Every method and path an express app answers (string paths only), for checks such as API docs. */
export function listRoutes(stack: LayerLike[] | undefined, prefix = ''): { method: string; path: string }[] {
  const found: { method: string; path: string }[] = [];
  for (const layer of stack ?? []) {
    if (layer.route && typeof layer.route.path === 'string') {
      const path = `${prefix}${layer.route.path === '/' && prefix ? '' : layer.route.path}`;
      for (const method of layer.route._methods()) if (method !== 'HEAD') found.push({ method, path });
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      found.push(...listRoutes(layer.handle.stack, `${prefix}${mount}`));
    }
  }
  return found;
}
