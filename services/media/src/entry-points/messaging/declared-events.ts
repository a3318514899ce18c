import {
  ClubCreatedV1,
  ClubDeletedV1,
  ClubUpdatedV1,
  ImageDeletedV1,
  ImageStoredV1,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  reads,
  serviceEvents,
} from '@sproul/common/events';

/**
 * What this service publishes, and which fields of each event it consumes its handlers read (the
 * contract test, e2e/event-contracts.test.ts, checks both against the producers' schemas).
 */
export const mediaEvents = serviceEvents({
  service: 'media',
  publishes: [ImageStoredV1, ImageDeletedV1, ReadModelReplayedV1],
  reads: [
    reads(ClubCreatedV1, ['clubId', 'ownerUserId', 'club.link_name']),
    reads(ClubUpdatedV1, ['clubId', 'club.link_name']),
    reads(ClubDeletedV1, ['clubId', 'ownerUserId', 'link_name']),
    reads(ReadModelReplayRequestedV1, ['replayId', 'owners?']),
  ],
});
