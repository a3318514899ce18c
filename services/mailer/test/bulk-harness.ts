import { randomUUID } from 'node:crypto';
import { BulkEmailRequestedV1, type EventData, makeEvent } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import type { MailerHarness, StoredEmail } from './mailer-harness.js';

type BulkRequest = EventData<typeof BulkEmailRequestedV1>;
type Recipient = BulkRequest['recipients'][number];
export type Progress = { bulkId: string; outcomes: { to: string; outcome: string; error: string | null }[] };
export type BulkStatus = {
  finishedAt: string | null;
  counts: Record<string, number>;
  recipients: { email: string; status: string; attempts: number; error: string | null }[];
};

/** A recipient as engagement lists one. */
export const recipient = (to: string, fields: Recipient['fields'] = {}): Recipient => ({
  to,
  userId: randomUUID(),
  fields,
});

/** A clock the test moves by hand (the rate's window, back-off and stale claims all read it). */
export function manualClock(start = new Date('2026-12-05T12:00:00.000Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** Bulk email helpers on a mailer harness: publish as engagement would, drive the sender, read status. */
export function bulkOn(h: MailerHarness) {
  const helpers = {
    /** Publishes a BulkEmailRequested (the same event `copies` times); waits until it is stored. */
    async request(data: Partial<BulkRequest> & { recipients: Recipient[] }, copies = 1) {
      const event = makeEvent(
        BulkEmailRequestedV1,
        {
          bulkId: randomUUID(),
          clubId: randomUUID(),
          clubName: 'Chess Club',
          requestedBy: randomUUID(),
          subject: 'News',
          body: 'Hello {{first_name}}',
          ...data,
        },
        'engagement',
      );
      await h.mailer.bus.publish(Array.from({ length: copies }, () => event));
      await eventually(async () => (await helpers.status(event.data.bulkId)) !== undefined);
      return event;
    },
    async status(bulkId: string): Promise<BulkStatus | undefined> {
      const answer = await h.mailer.client(`/internal/bulk/${bulkId}`);
      return answer.status === 200 ? (answer.body as BulkStatus) : undefined;
    },
    /** Runs the sender once (as a tick would). */
    send: () => h.mailer.service.jobs.run('send-bulk-email'),
    /** Runs the sender until the bulk email has no recipient left, `between` each run (a clock step). */
    async drain(bulkId: string, between: () => void = () => {}) {
      return eventually(async () => {
        await helpers.send();
        const status = await helpers.status(bulkId);
        between();
        return status?.finishedAt ? status : undefined;
      }, 20_000);
    },
    /** Every outcome BulkEmailProgressed reported for the bulk email, so far. */
    outcomes: (bulkId: string) =>
      h.mailer
        .published<Progress>('BulkEmailProgressed')
        .filter((progress) => progress.bulkId === bulkId)
        .flatMap((progress) => progress.outcomes),
    /** Waits until `count` outcomes were published for the bulk email. */
    reported: (bulkId: string, count: number) =>
      eventually(() => {
        const outcomes = helpers.outcomes(bulkId);
        return outcomes.length >= count ? outcomes : undefined;
      }),
  };
  return helpers;
}

/** The unsubscribe link in an email's HTML footer, unescaped. */
export const unsubscribeLinkOf = (email: StoredEmail) => {
  const found = /href="([^"]*\/api\/mail\/unsubscribe[^"]*)"/.exec(email.body.html ?? '');
  if (!found) throw new Error('no unsubscribe link');
  return found[1]!.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
};
