export const MAX_LINK_LENGTH = 2048;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Reads a link an officer typed: `https://…` and `http://…` as given, a bare host such as
 * `instagram.com/calrobotics` with `https://` in front (upstream accepted those), anything else
 * (`javascript:`, `data:`, `mailto:`, `ftp://`) refused: these links end up in the web client's hrefs.
 */
export function parseWebLink(value: string): string | undefined {
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_LINK_LENGTH) return undefined;
  if (/[\s\p{Cc}<>"`\\]/u.test(text)) return undefined;
  const scheme = SCHEME.exec(text)?.[1];
  // `example.com:8080/x` looks like a scheme to a URL parser; a real scheme has no dot in it.
  const candidate = scheme && !scheme.includes('.') ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // A public page links to a public host; `localhost` or a bare word is a typo or a trick.
  if (!url.hostname.includes('.')) return undefined;
  if (url.username || url.password) return undefined;
  return candidate;
}
