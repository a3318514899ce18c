import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmailRequestedV1, makeEvent } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { freePort, launch, waitForHttp } from './processes.js';

/**
 * Forwards each send to the SES emulator at once but answers the mailer `delayMs` late: a SIGKILL then
 * lands while sends are accepted by "SES" and not yet recorded, the window exactly-once must cover.
 */
export async function slowAnswers(target: string, delayMs: number) {
  const server = createServer((req, res) => {
    const relay = (answer: import('node:http').IncomingMessage) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const send = () => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        };
        setTimeout(send, req.method === 'POST' ? delayMs : 0);
      });
    };
    req.pipe(request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, relay));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** The mailer as `npm run stack` runs it (its own process), ready once its /readyz answers. */
export async function startMailerProcess(env: Record<string, string>) {
  const port = await freePort();
  const spawned = launch(process.execPath, ['services/mailer/dist/start.js'], {
    env: { PORT: String(port), UNSUBSCRIBE_SECRET: 'e2e-unsubscribe-secret-0123', LOG_LEVEL: 'warn', ...env },
  });
  await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000, spawned);
  return spawned;
}

/** The delivery ids of what the emulator accepted (the marker each email's HTML carries). */
export async function acceptedDeliveryIds(emulatorUrl: string) {
  const store = (await (await fetch(`${emulatorUrl}/store`)).json()) as {
    emails: { body: { html?: string } }[];
  };
  return store.emails.map((email) => email.body.html?.match(/X-Sproul-Delivery: ([0-9a-f-]{36})/)?.[1]);
}

/** `count` magic-link requests to distinct addresses, as auth publishes them. */
export const magicLinkRequests = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    makeEvent(
      EmailRequestedV1,
      {
        to: `member-${i}@crash.test`,
        template: 'magic-link',
        variables: { magic_url: `http://127.0.0.1:8080/api/user/magic-link/t${i}` },
        userId: null,
      },
      'test',
    ),
  );

/** One email as the gateway's `/_dev/mail.json` lists it. */
export interface DevMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  sentAt: string;
}

/** Waits for the newest email to `to` with `subject` in the embedded platform's sent mail. */
export async function devMailTo(baseUrl: string, to: string, subject: string): Promise<DevMail> {
  const found = await eventually(async () => {
    const all = (await (await fetch(`${baseUrl}/_dev/mail.json`)).json()) as DevMail[];
    return all.find((mail) => mail.to === to && mail.subject === subject); // newest first
  });
  return found;
}

/** The link matching `pattern` in the email's text, checked to be the same in its HTML (escaped). */
export function linkIn(mail: DevMail, pattern: RegExp): string {
  const link = mail.text.match(pattern)?.[0];
  if (!link) throw new Error(`no link like ${pattern} in: ${mail.text}`);
  if (!mail.html.includes(`href="${link.replaceAll('=', '&#x3D;')}"`)) {
    throw new Error(`the HTML does not link ${link}`);
  }
  return link;
}

/** Every email to `to` with `subject` the embedded platform has sent so far (newest first). */
export async function devMailsTo(baseUrl: string, to: string, subject: string): Promise<DevMail[]> {
  const all = (await (await fetch(`${baseUrl}/_dev/mail.json`)).json()) as DevMail[];
  return all.filter((mail) => mail.to === to && mail.subject === subject);
}
