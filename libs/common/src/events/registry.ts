import { AccountConfirmedV1 } from './contracts/account-confirmed.js';
import { AccountDeletedV1 } from './contracts/account-deleted.js';
import { AccountSignedInV1 } from './contracts/account-signed-in.js';
import { AccountSnapshotV1 } from './contracts/account-snapshot.js';
import { CheckedInV1, RsvpChangedV1 } from './contracts/attendance.js';
import { BulkEmailProgressedV1, BulkEmailRequestedV1 } from './contracts/bulk-email.js';
import { CatalogSearchesCountedV1 } from './contracts/catalog-searches-counted.js';
import { ClubEventCancelledV1, ClubEventChangedV1, ClubEventScheduledV1 } from './contracts/club-calendar.js';
import {
  ClubCreatedV1,
  ClubCreatedV2,
  ClubDeletedV1,
  ClubUpdatedV1,
  ClubUpdatedV2,
} from './contracts/club-events.js';
import { ClubOfficerChangedV1, PlatformRoleChangedV1 } from './contracts/club-team.js';
import { EmailFailedV1, EmailSentV1 } from './contracts/email-outcomes.js';
import { EmailRequestedV1 } from './contracts/email-requested.js';
import { ImageDeletedV1 } from './contracts/image-deleted.js';
import { ImageStoredV1 } from './contracts/image-stored.js';
import { ClubMembersCountedV1, MembershipChangedV1 } from './contracts/membership.js';
import { PhoneNumberChangedV1, SmsRequestedV1 } from './contracts/phone.js';
import { ReadModelReplayedV1, ReadModelReplayRequestedV1 } from './contracts/read-model-replay.js';
import { RsoListEntryChangedV1 } from './contracts/rso-list-entry-changed.js';
import { SimilarClubsChangedV1 } from './contracts/similar-clubs-changed.js';
import { StudentProfileUpdatedV1 } from './contracts/student-profile-updated.js';
import { TagChangedV1 } from './contracts/tag-changed.js';
import { UserRegisteredV1 } from './contracts/user-registered.js';
import type { EventContract } from './define-event.js';

/** Every event type and version the platform knows. A new version is added beside the old one. */
export const eventContracts = [
  UserRegisteredV1,
  AccountConfirmedV1,
  AccountDeletedV1,
  ClubCreatedV1,
  ClubUpdatedV1,
  ClubDeletedV1,
  EmailRequestedV1,
  EmailSentV1,
  EmailFailedV1,
  TagChangedV1,
  StudentProfileUpdatedV1,
  ImageStoredV1,
  ImageDeletedV1,
  ClubCreatedV2,
  ClubUpdatedV2,
  AccountSignedInV1,
  AccountSnapshotV1,
  CatalogSearchesCountedV1,
  RsoListEntryChangedV1,
  ReadModelReplayRequestedV1,
  ReadModelReplayedV1,
  ClubOfficerChangedV1,
  PlatformRoleChangedV1,
  MembershipChangedV1,
  ClubMembersCountedV1,
  BulkEmailRequestedV1,
  BulkEmailProgressedV1,
  ClubEventScheduledV1,
  ClubEventChangedV1,
  ClubEventCancelledV1,
  RsvpChangedV1,
  CheckedInV1,
  PhoneNumberChangedV1,
  SmsRequestedV1,
  SimilarClubsChangedV1,
] as const satisfies readonly EventContract[];

const byKey = new Map<string, EventContract>(eventContracts.map((c) => [`${c.type}@${c.version}`, c]));

export const findContract = (type: string, version: number): EventContract | undefined =>
  byKey.get(`${type}@${version}`);
