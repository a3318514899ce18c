import { errorEnvelope } from '@sproul/common/errors';
import { type RequestHandler, Router } from 'express';
import { devMailPage } from './dev-mail-page.js';

/** One email as `/_dev/mail.json` lists it. */
export interface DevMail {
  to: string;
  subject: string;
  html: string | null;
  text: string | null;
  sentAt: string;
}

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** Seconds since the epoch. */
  at: number;
}

/**
 * The embedded mode's outbox, read from the SES emulator (`GET /store`, what it accepted): `/_dev/mail`
 * shows each email rendered, `/_dev/mail.json` lists them, newest first. Mounted only when the
 * composition root gives the emulator's URL (DEV_MAIL_URL); elsewhere both are the usual 404.
 */
export function devMail(emulatorUrl: string): RequestHandler {
  const router = Router();
  // Sent mail holds live links (confirm, reset, magic sign-in): shown to this machine only, the
  // developer's browser, whatever address the gateway listens on. Others find the usual 404.
  router.use('/_dev', (req, _res, next) =>
    next(fromThisMachine(req.socket.remoteAddress) ? undefined : 'router'),
  );
  const read = async (): Promise<DevMail[]> => {
    const answer = await fetch(new URL('/store', emulatorUrl), { signal: AbortSignal.timeout(5000) });
    if (!answer.ok) throw new Error(`SES emulator answered ${answer.status}`);
    const { emails } = (await answer.json()) as { emails: StoredEmail[] };
    // The store appends: reversed, the newest come first, also among those of the same second.
    return [...emails]
      .reverse()
      .sort((a, b) => b.at - a.at)
      .map(listed);
  };
  router.get('/_dev/mail.json', async (_req, res) => {
    try {
      res.set('cache-control', 'no-store').json(await read());
    } catch {
      res.status(502).json(errorEnvelope('The development mail store is not reachable'));
    }
  });
  router.get('/_dev/mail', async (_req, res) => {
    try {
      res
        .set('cache-control', 'no-store')
        .type('html')
        .send(devMailPage(await read()));
    } catch {
      res.status(502).json(errorEnvelope('The development mail store is not reachable'));
    }
  });
  return router;
}

/** The peer's own address (not X-Forwarded-For, which anyone can write) is a loopback one. */
export const fromThisMachine = (address = '') =>
  address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');

const listed = (email: StoredEmail): DevMail => ({
  to: email.destination.to.join(', '),
  subject: email.subject,
  html: email.body.html ?? null,
  text: email.body.text ?? null,
  sentAt: new Date(email.at * 1000).toISOString(),
});
