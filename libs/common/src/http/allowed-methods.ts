// Express answers an unknown method on a known path with a 404; clients deserve a 405 and an Allow header.
// This walks the app's router stack (express 5 / router 2) to find which methods a path accepts.

interface MatchResult {
  path: string;
}
interface LayerLike {
  match(path: string): MatchResult | false;
  route?: { _methods(includeAll?: boolean): string[] };
  handle?: { stack?: LayerLike[] };
}

export function allowedMethods(stack: LayerLike[] | undefined, path: string): string[] {
  const found = new Set<string>();
  for (const layer of stack ?? []) {
    const match = layer.match(path);
    if (!match) continue;
    if (layer.route) {
      for (const method of layer.route._methods()) found.add(method);
    } else if (layer.handle?.stack) {
      const rest = path.slice(match.path.length) || '/';
      for (const method of allowedMethods(layer.handle.stack, rest)) found.add(method);
    }
  }
  return [...found];
}
