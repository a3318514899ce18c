import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EngagementConfig } from '../../config.js';

/**
 * A ticket is a compact signed token naming an RSVP and its event: `<rsvpId>.<eventId>.<signature>`,
 * the signature an HMAC-SHA256 (TICKET_SECRET) of both, truncated to 128 bits and base64url. It needs
 * no stored secret per RSVP, and cannot be made for another RSVP or moved to another event.
 */
const sign = (secret: string, rsvpId: string, eventId: string) =>
  createHmac('sha256', secret)
    .update(`ticket\n${rsvpId}\n${eventId}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

export const ticketPayload = (
  config: Pick<EngagementConfig, 'TICKET_SECRET'>,
  rsvpId: string,
  eventId: string,
) => `${rsvpId}.${eventId}.${sign(config.TICKET_SECRET, rsvpId, eventId)}`;

/** The RSVP and event a payload names, if its signature is ours; undefined for anything else. */
export function readTicket(
  config: Pick<EngagementConfig, 'TICKET_SECRET'>,
  payload: string,
): { rsvpId: string; eventId: string } | undefined {
  const parts = payload.split('.');
  if (parts.length !== 3) return undefined;
  const [rsvpId, eventId, signature] = parts as [string, string, string];
  if (!rsvpId || !eventId) return undefined;
  const expected = Buffer.from(sign(config.TICKET_SECRET, rsvpId, eventId));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { rsvpId, eventId };
}

/** The ticket as answered: its payload and the public URL of its QR image (through the gateway). */
export function ticketOf(
  config: Pick<EngagementConfig, 'TICKET_SECRET' | 'PUBLIC_BASE_URL'>,
  rsvpId: string,
  eventId: string,
) {
  const payload = ticketPayload(config, rsvpId, eventId);
  return {
    payload,
    qr_url: new URL(`/api/tickets/${encodeURIComponent(payload)}/qr.png`, config.PUBLIC_BASE_URL).href,
  };
}
