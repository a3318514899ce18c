import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MailerConfig } from '../config.js';

/**
 * One-click unsubscribe links (RFC 8058) for bulk mail: the address and category, signed with
 * UNSUBSCRIBE_SECRET, so the link needs no stored token and cannot unsubscribe anyone else.
 */
export function unsubscribeUrl(ctx: { config: MailerConfig }, address: string, category: string): string {
  const url = new URL('/api/mail/unsubscribe', ctx.config.PUBLIC_BASE_URL);
  const a = Buffer.from(address.toLowerCase()).toString('base64url');
  url.search = new URLSearchParams({ a, c: category, s: sign(ctx.config, a, category) }).toString();
  return url.href;
}

/** The address and category a link names, or undefined when its signature is not ours. */
export function readUnsubscribeLink(
  config: MailerConfig,
  link: { a: string; c: string; s: string },
): { address: string; category: string } | undefined {
  const expected = Buffer.from(sign(config, link.a, link.c));
  const given = Buffer.from(link.s);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return { address: Buffer.from(link.a, 'base64url').toString(), category: link.c };
}

const sign = (config: MailerConfig, a: string, c: string) =>
  createHmac('sha256', config.UNSUBSCRIBE_SECRET).update(`${a}\n${c}`).digest('base64url');
