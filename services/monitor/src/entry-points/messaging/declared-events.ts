import {
  AccountConfirmedV1,
  AccountDeletedV1,
  AccountSignedInV1,
  AccountSnapshotV1,
  CatalogSearchesCountedV1,
  ClubCreatedV2,
  ClubDeletedV1,
  ClubUpdatedV2,
  ImageDeletedV1,
  ImageStoredV1,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  RsoListEntryChangedV1,
  reads,
  serviceEvents,
  TagChangedV1,
  UserRegisteredV1,
} from '@sproul/common/events';

/** What the statistics keep of a club (`data-access/club-writes.ts`). */
const clubSnapshot = [
  'clubId',
  'club.name',
  'club.tags',
  'club.app_required',
  'club.new_members',
  'club.visible',
  'club.confirmed',
  'club.reactivated',
  'club.registered_at',
  'club.reactivated_last?',
  'club.has_logo',
  'club.has_banner',
  'club.social_links',
  'club.apply_deadline_start?',
  'club.apply_deadline_end?',
  'club.recruiting_start?',
  'club.recruiting_end?',
  'club.event_starts',
];

/**
 * What this service publishes, and which fields of each event it consumes its handlers read (the
 * contract test, e2e/event-contracts.test.ts, checks both against the producers' schemas).
 */
export const monitorEvents = serviceEvents({
  service: 'monitor',
  publishes: [ReadModelReplayRequestedV1],
  reads: [
    reads(UserRegisteredV1, ['userId', 'role']),
    reads(AccountConfirmedV1, ['userId', 'role']),
    reads(AccountDeletedV1, ['userId']),
    reads(AccountSnapshotV1, ['userId', 'role', 'registeredAt', 'confirmedAt?']),
    reads(AccountSignedInV1, ['userId', 'role']),
    reads(RsoListEntryChangedV1, ['email', 'listed']),
    reads(ClubCreatedV2, clubSnapshot),
    reads(ClubUpdatedV2, clubSnapshot),
    reads(ClubDeletedV1, ['clubId']),
    reads(TagChangedV1, ['tags[].id', 'tags[].name']),
    reads(ImageStoredV1, ['imageId', 'clubId', 'purpose', 'replaces?']),
    reads(ImageDeletedV1, ['imageId']),
    reads(CatalogSearchesCountedV1, ['to', 'count']),
    reads(ReadModelReplayedV1, ['replayId', 'service']),
  ],
});
