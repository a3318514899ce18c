import { runWithContext } from '../context/request-context.js';
import { consumeTraced } from '../tracing/event-spans.js';
import type { Accepted } from './accept-delivery.js';
import { keepNewest } from './aggregate-order.js';
import type { ConsumerOptions } from './consumer-options.js';

/** Applies the new events of a batch and records them in the inbox, in one transaction. */
export async function applyInTransaction(options: ConsumerOptions, batch: Accepted[]) {
  const { database, inbox, service } = options;
  await database.db.transaction(async (tx) => {
    const fresh = await tx
      .insert(inbox)
      .values(batch.map(({ envelope }) => ({ consumer: service, eventId: envelope.id, type: envelope.type })))
      .onConflictDoNothing()
      .returning({ eventId: inbox.eventId });
    const toHandle = new Set(fresh.map((row) => row.eventId));
    // Handled before, or a duplicate within this batch: no second effect.
    let news = batch.filter(({ envelope }) => toHandle.delete(envelope.id));
    if (options.appliedVersions) {
      // Older than what this service already applied of its aggregate: recorded as handled, no effect.
      const { apply, skipped } = await keepNewest(tx, options.appliedVersions, service, news);
      for (const { envelope } of skipped) {
        options.logger.debug(
          { eventId: envelope.id, type: envelope.type, aggregate: envelope.aggregate },
          'event older than its aggregate as applied; skipped',
        );
      }
      news = apply;
    }
    for (const run of runsOfOneHandler(news)) {
      const first = run[0]!.envelope;
      const context = { requestId: first.id, correlationId: first.correlationId };
      await runWithContext(context, () =>
        consumeTraced(
          service,
          run.map(({ envelope }) => envelope),
          (envelopes) => run[0]!.handler.handleMany(envelopes, tx),
        ),
      );
    }
  });
}

/** Splits the batch where the handler changes, keeping delivery order. */
function runsOfOneHandler(batch: Accepted[]): Accepted[][] {
  const runs: Accepted[][] = [];
  for (const one of batch) {
    const last = runs.at(-1);
    if (last && last[0]!.handler === one.handler) last.push(one);
    else runs.push([one]);
  }
  return runs;
}
