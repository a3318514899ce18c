import {
  AccountConfirmedV1,
  AccountDeletedV1,
  AccountSignedInV1,
  AccountSnapshotV1,
  ClubCreatedV1,
  ClubDeletedV1,
  ClubOfficerChangedV1,
  ClubUpdatedV1,
  EmailRequestedV1,
  PhoneNumberChangedV1,
  PlatformRoleChangedV1,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  RsoListEntryChangedV1,
  reads,
  SmsRequestedV1,
  serviceEvents,
  TagChangedV1,
  UserRegisteredV1,
} from '@sproul/common/events';

/**
 * What this service publishes, and which fields of each event it consumes its handlers read (the
 * contract test, e2e/event-contracts.test.ts, checks both against the producers' schemas).
 */
export const authEvents = serviceEvents({
  service: 'auth',
  publishes: [
    UserRegisteredV1,
    AccountConfirmedV1,
    AccountDeletedV1,
    AccountSignedInV1,
    AccountSnapshotV1,
    ClubOfficerChangedV1,
    PlatformRoleChangedV1,
    EmailRequestedV1,
    SmsRequestedV1,
    PhoneNumberChangedV1,
    RsoListEntryChangedV1,
    ReadModelReplayedV1,
  ],
  reads: [
    reads(ClubCreatedV1, ['clubId', 'ownerUserId', 'club.link_name', 'club.name']),
    reads(ClubUpdatedV1, ['clubId', 'club.link_name', 'club.name']),
    reads(ClubDeletedV1, ['clubId', 'ownerUserId']),
    reads(TagChangedV1, ['tags[].id', 'tags[].name', 'num_user_tags[].id', 'num_user_tags[].value']),
    reads(ReadModelReplayRequestedV1, ['replayId', 'owners?']),
  ],
});
