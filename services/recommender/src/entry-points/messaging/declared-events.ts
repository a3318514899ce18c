import {
  AccountDeletedV1,
  ClubCreatedV1,
  ClubDeletedV1,
  ClubUpdatedV1,
  reads,
  SimilarClubsChangedV1,
  StudentProfileUpdatedV1,
  serviceEvents,
} from '@sproul/common/events';

/** What the corpus keeps of a club (`keep-corpus-when-club-changed.handler.ts`). */
const corpusEntry = [
  'clubId',
  'club.link_name',
  'club.name',
  'club.tags',
  'club.about_us',
  'club.get_involved',
  'club.visible',
];

/**
 * What this service publishes, and which fields of each event it consumes its handlers read (the
 * contract test, e2e/event-contracts.test.ts, checks both against the producers' schemas).
 */
export const recommenderEvents = serviceEvents({
  service: 'recommender',
  publishes: [SimilarClubsChangedV1],
  reads: [
    reads(ClubCreatedV1, corpusEntry),
    reads(ClubUpdatedV1, corpusEntry),
    reads(ClubDeletedV1, ['clubId']),
    reads(StudentProfileUpdatedV1, ['userId', 'interests', 'majors', 'favoriteClubIds']),
    reads(AccountDeletedV1, ['userId', 'role']),
  ],
});
