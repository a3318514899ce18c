import { isIPv6 } from 'node:net';
import type { Request } from 'express';
import { isBasic } from './rate-limit-matching.js';

// Auth compares emails trimmed and lower-cased (normalizeEmail); so do the per-account counters.
const account = (name: string) => name.trim().toLowerCase().slice(0, 320);

/**
 * The accounts a request tries: the `email` of its JSON body, the user of its Basic credentials, and for
 * a change of password the signed-in account (the token's `sub`; the gateway verifies the token next).
 */
export function accountsOf(req: Request): string[] {
  const accounts = new Set<string>();
  const email = (req.body as { email?: unknown } | undefined)?.email;
  if (typeof email === 'string') accounts.add(account(email));
  const header = req.headers.authorization;
  if (isBasic(header)) {
    const decoded = Buffer.from(header!.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    accounts.add(account(colon < 0 ? decoded : decoded.slice(0, colon)));
  } else if (header && /^bearer /i.test(header)) {
    const sub = subjectOf(header.slice(7).trim());
    if (sub) accounts.add(`sub:${sub}`);
  }
  return [...accounts];
}

function subjectOf(token: string): string | undefined {
  try {
    const { sub } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof sub === 'string' ? sub.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The client's address as a counter key. An IPv6 client usually holds a whole /64 and can send from any
 * address in it, so IPv6 addresses count per /64 (IPv4-mapped ones as the IPv4 address).
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
