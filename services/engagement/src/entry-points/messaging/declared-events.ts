import {
  AccountDeletedV1,
  AccountSnapshotV1,
  BulkEmailProgressedV1,
  BulkEmailRequestedV1,
  CheckedInV1,
  ClubCreatedV2,
  ClubDeletedV1,
  ClubEventCancelledV1,
  ClubEventChangedV1,
  ClubEventScheduledV1,
  ClubMembersCountedV1,
  ClubOfficerChangedV1,
  ClubUpdatedV2,
  EmailRequestedV1,
  MembershipChangedV1,
  PhoneNumberChangedV1,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  RsvpChangedV1,
  reads,
  SmsRequestedV1,
  StudentProfileUpdatedV1,
  serviceEvents,
  UserRegisteredV1,
} from '@sproul/common/events';

const clubEvent = [
  'eventId',
  'clubId',
  'event.kind',
  'event.name',
  'event.location',
  'event.starts_at',
  'event.ends_at',
  'event.invite_only',
];

/**
 * What this service publishes, and which fields of each event it consumes its handlers read (the
 * contract test, e2e/event-contracts.test.ts, checks both against the producers' schemas).
 */
export const engagementEvents = serviceEvents({
  service: 'engagement',
  publishes: [
    MembershipChangedV1,
    ClubMembersCountedV1,
    RsvpChangedV1,
    CheckedInV1,
    BulkEmailRequestedV1,
    EmailRequestedV1,
    SmsRequestedV1,
    ReadModelReplayRequestedV1,
  ],
  reads: [
    reads(ClubCreatedV2, [
      'clubId',
      'ownerUserId',
      'club.link_name',
      'club.name',
      'club.new_members',
      'club.app_required',
    ]),
    reads(ClubUpdatedV2, ['clubId', 'club.link_name', 'club.name', 'club.new_members', 'club.app_required']),
    reads(ClubDeletedV1, ['clubId', 'link_name']),
    reads(ClubOfficerChangedV1, ['clubId', 'accountId', 'role?']),
    reads(UserRegisteredV1, ['userId', 'email', 'role', 'name?']),
    reads(AccountSnapshotV1, ['userId', 'email', 'role']),
    reads(AccountDeletedV1, ['userId']),
    reads(StudentProfileUpdatedV1, ['userId', 'year?', 'majors']),
    reads(PhoneNumberChangedV1, ['userId', 'phone?']),
    reads(BulkEmailProgressedV1, ['bulkId', 'outcomes[].to', 'outcomes[].outcome', 'outcomes[].error?']),
    reads(ReadModelReplayedV1, ['replayId', 'service']),
    reads(ClubEventScheduledV1, clubEvent),
    reads(ClubEventChangedV1, clubEvent),
    reads(ClubEventCancelledV1, ['eventId']),
  ],
});
