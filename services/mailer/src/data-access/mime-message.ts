import { randomBytes } from 'node:crypto';
import type { OutgoingEmail } from '../domain/mail-provider.js';

/** Strips line breaks from a header value: nothing an event carries may add a header. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

/** RFC 2047 encoded-word, for subjects beyond ASCII. */
const encodeWord = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;

const base64Lines = (text: string) =>
  (
    Buffer.from(text)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');

/**
 * The marker in the HTML body by which the emulator's store (which keeps bodies, not headers) tells
 * whether a delivery was accepted. An HTML comment: no reader sees it.
 */
export const deliveryMarker = (deliveryId: string) => `<!-- X-Sproul-Delivery: ${deliveryId} -->`;

/** A multipart/alternative message (text, then HTML) as SendRawEmail takes it. */
export function mimeMessage(email: OutgoingEmail, now = new Date()): string {
  const boundary = `sproul-${randomBytes(12).toString('hex')}`;
  const headers = [
    `From: ${oneLine(email.from)}`,
    `To: ${oneLine(email.to)}`,
    `Subject: ${encodeWord(oneLine(email.subject))}`,
    `Date: ${now.toUTCString()}`,
    'MIME-Version: 1.0',
    `X-Sproul-Delivery: ${oneLine(email.deliveryId)}`,
    ...(email.unsubscribeUrl
      ? [
          `List-Unsubscribe: <${oneLine(email.unsubscribeUrl)}>`,
          'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        ]
      : []),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [
      `--${boundary}`,
      `Content-Type: ${type}; charset=UTF-8`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(body),
    ].join('\r\n');
  const marker = deliveryMarker(email.deliveryId);
  const html = /<\/body>/i.test(email.html)
    ? email.html.replace(/<\/body>/i, `${marker}</body>`)
    : email.html + marker;
  return [
    ...headers,
    '',
    part('text/plain', email.text),
    part('text/html', html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
