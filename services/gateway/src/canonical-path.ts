/**
 * A request path as any of our services' routers might understand it, for deciding which rules apply
 * to it: without query or fragment, percent-decoded, lower-cased (express routes are case-insensitive),
 * without empty or `.` segments, `..` resolved, and without a trailing slash (express's routes match with
 * or without one). It is looser than any router (express decodes nothing and resolves no dot segments),
 * so a variant that some service could take for a limited route always matches the rule too; a variant
 * no service would take matching as well only costs its sender a counted request.
 */
export function canonicalPath(path: string): string {
  let cut = path.length;
  for (const stop of ['?', '#']) {
    const at = path.indexOf(stop);
    if (at !== -1 && at < cut) cut = at;
  }
  let decoded = path.slice(0, cut);
  // Decoded until stable (a few rounds at most), so `%256C` counts as `l` too.
  for (let round = 0; round < 4 && decoded.includes('%'); round++) {
    const next = decoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
    if (next === decoded) break;
    decoded = next;
  }
  const segments: string[] = [];
  for (const segment of decoded.toLowerCase().split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

/**
 * Whether a path has a `.` or `..` segment, plain or percent-encoded. Our services never resolve them,
 * but a server or proxy that did could turn `/api/user/../../metrics` into a route the gateway does not
 * expose, so the gateway refuses them.
 */
export const hasDotSegment = (path: string) => DOT_SEGMENT.test(path);
const DOT_SEGMENT = /(^|\/|%2f|\\|%5c)(\.|%2e){1,2}(\/|%2f|\\|%5c|\?|#|$)/i;
