import { isValidText } from './valid-text.js';

interface LayerLike {
  match(path: string): { params?: Record<string, unknown>; path: string } | false;
  route?: unknown;
  handle?: { stack?: LayerLike[] };
}

/** The names of the path parameters, in any route matching `path`, whose value is invalid text. */
export function invalidPathParams(stack: LayerLike[] | undefined, path: string): string[] {
  const names = new Set<string>();
  for (const layer of stack ?? []) {
    const match = layer.match(path);
    if (!match) continue;
    for (const [name, value] of Object.entries(match.params ?? {})) {
      if (typeof value === 'string' && !isValidText(value)) names.add(name);
    }
    if (!layer.route && layer.handle?.stack) {
      for (const name of invalidPathParams(layer.handle.stack, path.slice(match.path.length) || '/')) {
        names.add(name);
      }
    }
  }
  return [...names];
}

export function decodedPathIsValid(path: string) {
  if (!path.includes('%')) return true; // raw URLs carry no NUL nor surrogate unencoded
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue; // not UTF-8: the router answers 400 for it when it decodes the parameter
    }
    if (!isValidText(decoded)) return false;
  }
  return true;
}
