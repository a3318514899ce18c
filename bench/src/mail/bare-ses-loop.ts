import type { MailProvider } from '@sproul/mailer';

/** SES calls per second with nothing in front: `concurrency` loops sending emails of a rendered size. */
export async function bareSesLoop(
  ses: MailProvider,
  from: string,
  count: number,
  concurrency: number,
  round: string,
) {
  const html = `<html><body>${'x'.repeat(10_000)}</body></html>`;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const to = `bench-${round}-${next++}@bench.test`;
        await ses.send({ deliveryId: crypto.randomUUID(), from, to, subject: 'Bench', html, text: 'x' });
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}
