import { ClubCreatedV1, ClubDeletedV1, ClubUpdatedV1, type EventData } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { clubCorpusRepository } from '../../data-access/club-corpus-repository.js';
import type { Recommender } from '../../domain/recommender.js';

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
 */
export function keepCorpusWhenClubChanged(recommender: Recommender) {
  const store = async (tx: Parameters<typeof clubCorpusRepository>[0], clubId: string, club: ClubSummary) => {
    const entry = corpusEntry(clubId, club);
    await clubCorpusRepository(tx).upsert(entry);
    recommender.clubChanged({ ...entry, updatedAt: new Date() });
  };
  return [
    on(ClubCreatedV1, (event, tx) => store(tx, event.data.clubId, event.data.club)),
    on(ClubUpdatedV1, (event, tx) => store(tx, event.data.clubId, event.data.club)),
    on(ClubDeletedV1, async (event, tx) => {
      await clubCorpusRepository(tx).remove(event.data.clubId);
      recommender.clubDeleted(event.data.clubId);
    }),
  ];
}
