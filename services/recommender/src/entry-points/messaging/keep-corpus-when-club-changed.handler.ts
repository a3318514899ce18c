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

/** The corpus follows the catalog's club events; the index is rebuilt once they are stored. */
export function keepCorpusWhenClubChanged(recommender: Recommender) {
  return [
    on(ClubCreatedV1, async (event, tx) => {
      await clubCorpusRepository(tx).upsert(corpusEntry(event.data.clubId, event.data.club));
      recommender.changed();
    }),
    on(ClubUpdatedV1, async (event, tx) => {
      await clubCorpusRepository(tx).upsert(corpusEntry(event.data.clubId, event.data.club));
      recommender.changed();
    }),
    on(ClubDeletedV1, async (event, tx) => {
      await clubCorpusRepository(tx).remove(event.data.clubId);
      recommender.changed();
    }),
  ];
}
