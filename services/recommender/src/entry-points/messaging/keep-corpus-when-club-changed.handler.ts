import { runWithContext } from '@sproul/common/context';
import type { Tx } from '@sproul/common/db';
import {
  ClubCreatedV1,
  ClubDeletedV1,
  ClubUpdatedV1,
  type EventContract,
  type EventData,
  type EventEnvelope,
} from '@sproul/common/events';
import { onBatch } from '@sproul/common/messaging';
import { clubCorpusRepository } from '../../data-access/club-corpus-repository.js';
import type { Recommender } from '../../domain/recommender.js';
import {
  announceSimilarClubsChanged,
  type SimilarClubsChangeReason,
} from '../../domain/similar-clubs-changed.js';

type ClubSummary = EventData<typeof ClubCreatedV1>['club'];

const corpusEntry = (clubId: string, club: ClubSummary) => ({
  clubId,
  linkName: club.link_name,
  name: club.name,
  tags: club.tags,
  description: `${club.about_us}\n${club.get_involved}`,
  visible: club.visible,
});

/**
 * The corpus follows the catalog's club events, and each change is folded into the answering model at
 * once (milliseconds). It is applied before the transaction commits: if it rolls back, the event is
 * delivered again and the same change applied again, which changes nothing.
 *
 * Each run of events appends one SimilarClubsChanged to the same transaction, whether or not the
 * change moved any list: the in-memory model already holds a change whose transaction rolled back,
 * so comparing with it would lose the notice on redelivery. The catalog hears it only once the change
 * is committed, when the model already answers with it.
 */
export function keepCorpusWhenClubChanged(recommender: Recommender) {
  const store = async (tx: Tx, clubId: string, club: ClubSummary) => {
    const entry = corpusEntry(clubId, club);
    await clubCorpusRepository(tx).upsert(entry);
    recommender.clubChanged({ ...entry, updatedAt: new Date() });
  };
  const remove = async (tx: Tx, clubId: string) => {
    await clubCorpusRepository(tx).remove(clubId);
    recommender.clubDeleted(clubId);
  };
  const foldIn = <C extends EventContract>(
    contract: C,
    reason: SimilarClubsChangeReason,
    apply: (event: EventEnvelope<EventData<C>>, tx: Tx) => Promise<void>,
  ) =>
    onBatch(contract, async (events, tx) => {
      for (const event of events) {
        await runWithContext({ requestId: event.id, correlationId: event.correlationId }, () =>
          apply(event, tx),
        );
      }
      const last = events.at(-1);
      if (last) await announceSimilarClubsChanged(recommender.outbox, tx, reason, last.correlationId);
    });
  return [
    foldIn(ClubCreatedV1, 'club-changed', (event, tx) => store(tx, event.data.clubId, event.data.club)),
    foldIn(ClubUpdatedV1, 'club-changed', (event, tx) => store(tx, event.data.clubId, event.data.club)),
    foldIn(ClubDeletedV1, 'club-deleted', (event, tx) => remove(tx, event.data.clubId)),
  ];
}
