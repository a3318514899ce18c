import { UserRegisteredV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { studentProfileRepository } from '../../data-access/student-profile-repository.js';
import { createClub } from '../../domain/clubs/create-club.js';

const dateOrNull = (value: string | null) => (value ? new Date(value) : null);

/**
 * An officer's registration carries the club they described: it is created hidden until they confirm
 * their email. A student's registration starts their (empty) catalog profile.
 */
export const createClubWhenUserRegistered = (outbox: Outbox) =>
  on(UserRegisteredV1, async (event, tx) => {
    const { userId, email, role, name, club } = event.data;
    if (role === 'student') {
      await studentProfileRepository(tx).ensure({ userId, email, fullName: name ?? '' });
      return;
    }
    if (role !== 'officer' || !club) return;
    await createClub(tx, outbox, {
      ownerUserId: userId,
      ownerEmail: email,
      name: club.name,
      tags: club.tags,
      numUsers: club.num_users,
      appRequired: club.app_required,
      newMembers: club.new_members,
      applyDeadlineStart: dateOrNull(club.apply_deadline_start),
      applyDeadlineEnd: dateOrNull(club.apply_deadline_end),
      recruitingStart: dateOrNull(club.recruiting_start),
      recruitingEnd: dateOrNull(club.recruiting_end),
      socialMediaLinks: { contact_email: email },
      confirmed: false,
      reactivated: true,
      reactivatedLast: new Date(event.occurredAt),
    });
  });
